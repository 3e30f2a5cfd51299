-- One more index maintained on every claim for nothing (as V40's): claim_person.person_key leads
-- ix_claim_person_household (person_key, household_key, claim_id), which serves every lookup by
-- person (plans checked with EXPLAIN on MariaDB). determination's ix_determination_claim is covered
-- the same way by ix_determination_claim_scope but stays: H2 holds it as its foreign key's index,
-- and moving the key would rebuild the largest table on MariaDB for one index write a claim.
DROP INDEX ix_claim_person_key ON claim_person;
