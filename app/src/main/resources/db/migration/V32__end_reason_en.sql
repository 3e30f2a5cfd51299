-- A standing entitlement's end reason in English too (the rules' reasons, a death, a reviewer's
-- decision): the workbench shows it in the reader's language. Entitlements ended before this
-- migration have none in English.
ALTER TABLE recurring_entitlement ADD COLUMN end_reason_en VARCHAR(1000) NULL;
