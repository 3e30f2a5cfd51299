-- A claim's process instance is found by its business key, the claim's reference; the stored id
-- cost an UPDATE on every submit and was read by nothing.
ALTER TABLE claim DROP COLUMN process_instance_id;

-- Granting asks "were entitlements already made from this determination?" on every approval: an
-- index, not a scan of every entitlement; and the link is a real foreign key.
CREATE INDEX ix_entitlement_determination ON entitlement (determination_id);
ALTER TABLE entitlement ADD CONSTRAINT fk_entitlement_determination FOREIGN KEY (determination_id) REFERENCES determination (id);
