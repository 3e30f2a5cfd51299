-- A person is granted a benefit for a period at most once, across all claims: one row per
-- (person, benefit, period), the person by the keyed hash of their resident ID number. Periods are
-- a month (2014-01), a year (2014) or a one-time event (ONCE@2014-03-05). A household-level grant
-- has a row for each parent.
CREATE TABLE benefit_grant (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_key CHAR(64)    NOT NULL,
    benefit    VARCHAR(64) NOT NULL,
    period     VARCHAR(24) NOT NULL,
    claim_id   BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    CONSTRAINT uq_benefit_grant UNIQUE (person_key, benefit, period),
    CONSTRAINT fk_benefit_grant_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);

-- What of the system's own records a determination used (the grants held by other claims, the
-- cross-claim matches of the risk signals), sealed with it so that a replay uses the same.
ALTER TABLE determination ADD COLUMN records_json LONGTEXT NULL;
