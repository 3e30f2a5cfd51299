-- Two indexes of claim that others already cover, maintained on every claim inserted for nothing:
-- applicant_username leads uq_claim_idempotency (applicant_username, idempotency_key), and
-- bank_account leads ix_claim_bank_household (bank_account, applicant_key). Lookups by either
-- column use the wider index; an applicant's own claims (a handful) are sorted by id after it.
DROP INDEX ix_claim_applicant ON claim;
DROP INDEX ix_claim_bank_account ON claim;
