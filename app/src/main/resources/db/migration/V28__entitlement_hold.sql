-- What a reviewer approved stays the frame (issue 10 §2): a run that finds a standing entitlement's
-- monthly amount changed beyond a ratio (a setting, ±50 %) from the amount last paid or accepted, or
-- its conditions no longer met (other than an age limit reached, which ends it by itself), holds it
-- for a reviewer (status HELD, with the reason) instead of paying or ending it silently; its months
-- wait, determined again once the reviewer lets it go on.
ALTER TABLE recurring_entitlement ADD COLUMN accepted_amount DECIMAL(12,2) NULL;
ALTER TABLE recurring_entitlement ADD COLUMN hold_reason VARCHAR(1000) NULL;
-- the version the accepted amount was paid under: a change that a newly published version brings
-- (approved by two policy staff, its impact measured) is not held; a change under the same version
-- (the facts changed) is
ALTER TABLE recurring_entitlement ADD COLUMN accepted_version VARCHAR(80) NULL;
