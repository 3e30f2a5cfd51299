-- Yearly confirmation (生存认证, issue 10 §5): for the benefits that need it, each recipient confirms
-- once a year that they are alive and the facts hold. An entitlement unconfirmed a grace period
-- after its due date is SUSPENDED (not ended: its months wait); confirming makes it ACTIVE again and
-- the next run pays the months it waited. NULL: the benefit needs no confirmation.
ALTER TABLE recurring_entitlement ADD COLUMN confirmation_due DATE NULL;
-- the due date a reminder was recorded for (one reminder per due date)
ALTER TABLE recurring_entitlement ADD COLUMN reminded_for DATE NULL;
