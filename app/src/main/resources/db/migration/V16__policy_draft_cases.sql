-- A draft's own test cases, in the cases.yaml format: run with the benefit's shipped cases against
-- the catalogue as it would be with the draft published; a draft whose cases fail cannot be submitted.
ALTER TABLE policy_draft ADD COLUMN cases_yaml TEXT NULL;
