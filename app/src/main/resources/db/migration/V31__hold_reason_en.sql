-- A held entitlement's reason in English too: the workbench shows it in the reader's language
-- (hold_reason keeps the Chinese; holds recorded before this migration have none in English).
ALTER TABLE recurring_entitlement ADD COLUMN hold_reason_en VARCHAR(1000) NULL;
