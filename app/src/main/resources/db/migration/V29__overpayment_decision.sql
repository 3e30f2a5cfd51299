-- A reviewer's decision on an overpayment (issue 10 §3): waived (WAIVED), or its recovery scheduled
-- (RECOVERY: the office asks for the money back), with who decided, when and why.
ALTER TABLE payment_adjustment ADD COLUMN decided_by VARCHAR(64) NULL;
ALTER TABLE payment_adjustment ADD COLUMN decided_at DATETIME(3) NULL;
ALTER TABLE payment_adjustment ADD COLUMN decision_reason VARCHAR(2000) NULL;
