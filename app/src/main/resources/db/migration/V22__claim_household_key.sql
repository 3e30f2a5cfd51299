-- The risk signals' query (ClaimMapper.findRecords) keeps, of the claims sharing a person or the
-- bank account, another household's claims and the household's own open ones; it told them apart
-- by reading every such claim and its persons, so its cost grew with the household's history. The
-- key of a claim's applicant, on the claim and on each of its persons' rows, lets each part of the
-- query read only the rows it keeps, by index.
ALTER TABLE claim ADD COLUMN applicant_key CHAR(64) NULL;
UPDATE claim SET applicant_key = (SELECT MIN(cp.person_key) FROM claim_person cp
                                  WHERE cp.claim_id = claim.id AND cp.role = 'APPLICANT');
ALTER TABLE claim_person ADD COLUMN household_key CHAR(64) NULL;
UPDATE claim_person SET household_key = (SELECT c.applicant_key FROM claim c WHERE c.id = claim_person.claim_id);
-- the household's open claims
CREATE INDEX ix_claim_applicant_key ON claim (applicant_key, status);
-- another household's claims sharing a person, or the bank account (the household key checked in the index)
CREATE INDEX ix_claim_person_household ON claim_person (person_key, household_key, claim_id);
CREATE INDEX ix_claim_bank_household ON claim (bank_account, applicant_key);
