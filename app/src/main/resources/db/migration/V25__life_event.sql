-- Life events (issue 10 §4): what happens to a household after its claim was approved, recorded by
-- staff with its date and the evidence seen: a recipient's death, a child's death or disability, a
-- birth or an adoption, a revoked certificate, a registration moved out of the city or a residence
-- permit expired. Each row keeps the household as it stands after the event: the facts every later
-- determination of the claim's entitlements uses. Rows are never changed.
CREATE TABLE life_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id     BIGINT       NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    subject      VARCHAR(40)  NOT NULL,
    event_date   DATE         NOT NULL,
    evidence     VARCHAR(200) NOT NULL,
    details_json TEXT         NULL,
    facts_json   LONGTEXT     NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_life_event_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_life_event_claim ON life_event (claim_id, id);
-- an adjustment an event caused names it (a correction's names its version in `cause`)
ALTER TABLE payment_adjustment ADD COLUMN life_event_id BIGINT NULL;
