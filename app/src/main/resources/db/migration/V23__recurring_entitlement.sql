-- Lifelong entitlements (issue 10). A recurring benefit approved for a person is a standing
-- entitlement from its first month, for as long as its conditions hold: each payment run
-- determines the months that have come due since, under the rules in force for each of them as
-- known at the run, and pays them. What a claim's approval granted, and what each run determined,
-- are the segments of `entitlement` (each with its sealed determination, version and amount),
-- linked to their standing entitlement here.
CREATE TABLE recurring_entitlement (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- the claim it was granted on: its household, parents and bank account
    claim_id           BIGINT       NOT NULL,
    benefit            VARCHAR(64)  NOT NULL,
    subject_path       VARCHAR(100) NOT NULL,
    subject_label      VARCHAR(100) NOT NULL,
    periodicity        VARCHAR(16)  NOT NULL,
    -- the first month granted, and the last month determined so far (by the approval or a run)
    start_period       VARCHAR(7)   NOT NULL,
    determined_through VARCHAR(7)   NOT NULL,
    -- the last month claimed, when the claim asked for a closed span; NULL: for as long as it holds
    until_period       VARCHAR(7)   NULL,
    -- ACTIVE, or CLOSED with the last month paid and why
    status             VARCHAR(16)  NOT NULL,
    end_period         VARCHAR(7)   NULL,
    end_reason         VARCHAR(1000) NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    CONSTRAINT uq_recurring_entitlement UNIQUE (claim_id, benefit, subject_path),
    CONSTRAINT fk_recurring_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
-- a run finds what has come due by status and the month determined last
CREATE INDEX ix_recurring_due ON recurring_entitlement (status, determined_through);

ALTER TABLE entitlement ADD COLUMN recurring_id BIGINT NULL;
CREATE INDEX ix_entitlement_recurring ON entitlement (recurring_id);

-- A claim for recurring benefits asks "from when": without a last month it is for as long as the
-- conditions hold (its determination covers the months up to its submission).
ALTER TABLE claim ADD COLUMN open_ended BOOLEAN NOT NULL DEFAULT FALSE;
