-- Corrections (issue 10 §3). A version published for a past period changes what months already
-- paid were due. The next run determines each such month again under the rules as known then, and
-- records the difference once per person, benefit, month and correction: a top-up, paid in the
-- bank file as its own line naming the correction, or an overpayment, never clawed back by itself
-- (a reviewer waives it or schedules its recovery).
CREATE TABLE payment_adjustment (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id          BIGINT        NOT NULL,
    payment_id        BIGINT        NOT NULL,
    person_key        CHAR(64)      NOT NULL,
    benefit           VARCHAR(64)   NOT NULL,
    period            VARCHAR(24)   NOT NULL,
    -- the correction: the version that changed the month's amount (e.g. SPECIAL_SUPPORT-v5)
    cause             VARCHAR(80)   NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    amount_before     DECIMAL(12,2) NOT NULL,
    amount_after      DECIMAL(12,2) NOT NULL,
    difference        DECIMAL(12,2) NOT NULL,
    -- a top-up: SCHEDULED (its payment is top_up_payment_id); an overpayment: OPEN, WAIVED or RECOVERY
    status            VARCHAR(16)   NOT NULL,
    top_up_payment_id BIGINT        NULL,
    determination_id  BIGINT        NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    CONSTRAINT uq_payment_adjustment UNIQUE (person_key, benefit, period, cause),
    CONSTRAINT fk_adjustment_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_adjustment_claim ON payment_adjustment (claim_id);

-- Which published versions a run has checked against the months paid before they were known: each
-- once (the first run that knows it), whatever reruns or concurrent runs happen.
CREATE TABLE policy_correction (
    version_id   VARCHAR(80)  NOT NULL PRIMARY KEY,
    checked_at   DATETIME(3)  NOT NULL,
    run_month    VARCHAR(7)   NOT NULL,
    adjustments  INT          NOT NULL
);

-- A payment is a month's regular payment, or a top-up for a correction (named).
ALTER TABLE payment ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'REGULAR';
ALTER TABLE payment ADD COLUMN correction VARCHAR(80) NULL;
-- the months of a benefit paid, by period, for a correction's check
CREATE INDEX ix_entitlement_benefit ON entitlement (benefit, periodicity);
