-- The workbench's entitlement pages read a standing entitlement's top-ups and overpayments through
-- the payments they adjust, and list the open overpayments of every claim: both by index, not by
-- reading every adjustment.
CREATE INDEX ix_adjustment_payment ON payment_adjustment (payment_id);
CREATE INDEX ix_adjustment_open ON payment_adjustment (kind, status, created_at);
