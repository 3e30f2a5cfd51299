-- Claims from submission to payment. Instants are UTC. Amounts are yuan with 2 decimals.

CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    id_number     VARCHAR(18)  NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(3)  NOT NULL
);

CREATE TABLE claim (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference           VARCHAR(32)   NOT NULL,
    applicant_username  VARCHAR(64)   NOT NULL,
    idempotency_key     VARCHAR(100)  NOT NULL,
    request_sha256      CHAR(64)      NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    household_json      LONGTEXT      NOT NULL,
    benefits            VARCHAR(1000) NOT NULL,
    period_from         VARCHAR(7)    NOT NULL,
    period_to           VARCHAR(7)    NOT NULL,
    bank_account        VARCHAR(64)   NOT NULL,
    bank_name           VARCHAR(100)  NULL,
    submitted_at        DATETIME(3)   NOT NULL,
    decided_at          DATETIME(3)   NULL,
    process_instance_id VARCHAR(64)   NULL,
    reviewer            VARCHAR(64)   NULL,
    second_approver     VARCHAR(64)   NULL,
    decision_reason     TEXT          NULL,
    amount_total        DECIMAL(14,2) NULL,
    CONSTRAINT uq_claim_reference UNIQUE (reference),
    CONSTRAINT uq_claim_idempotency UNIQUE (applicant_username, idempotency_key)
);
CREATE INDEX ix_claim_applicant ON claim (applicant_username);

CREATE TABLE claim_document (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id     BIGINT       NOT NULL,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_document_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);

-- The sealed record of every automatic determination: never updated, chained by hash.
CREATE TABLE determination (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    seq            BIGINT        NOT NULL,
    claim_id       BIGINT        NOT NULL,
    as_of          DATE          NOT NULL,
    known_at       DATETIME(3)   NOT NULL,
    period_from    VARCHAR(7)    NOT NULL,
    period_to      VARCHAR(7)    NOT NULL,
    benefits       VARCHAR(1000) NOT NULL,
    facts_json     LONGTEXT      NOT NULL,
    versions_json  TEXT          NOT NULL,
    result_json    LONGTEXT      NOT NULL,
    engine_version VARCHAR(64)   NOT NULL,
    recorded_at    DATETIME(3)   NOT NULL,
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL,
    CONSTRAINT uq_determination_seq UNIQUE (seq),
    CONSTRAINT uq_determination_hash UNIQUE (hash),
    CONSTRAINT fk_determination_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_determination_claim ON determination (claim_id);

-- One row: the head of the determination chain, locked while a record is appended.
CREATE TABLE determination_chain (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO determination_chain (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE entitlement (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id         BIGINT        NOT NULL,
    determination_id BIGINT        NOT NULL,
    benefit          VARCHAR(64)   NOT NULL,
    subject_path     VARCHAR(100)  NOT NULL,
    subject_label    VARCHAR(100)  NOT NULL,
    periodicity      VARCHAR(16)   NOT NULL,
    period_from      VARCHAR(7)    NOT NULL,
    period_to        VARCHAR(7)    NOT NULL,
    amount           DECIMAL(12,2) NULL,
    payer            VARCHAR(32)   NULL,
    version_id       VARCHAR(80)   NULL,
    version_sha256   CHAR(64)      NULL,
    row_id           VARCHAR(40)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    CONSTRAINT fk_entitlement_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_entitlement_claim ON entitlement (claim_id);

-- A payment is unique per entitlement and period: never created, never paid twice.
CREATE TABLE payment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entitlement_id BIGINT        NOT NULL,
    period         VARCHAR(7)    NOT NULL,
    due_month      VARCHAR(7)    NOT NULL,
    amount         DECIMAL(12,2) NOT NULL,
    payer          VARCHAR(32)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    run_id         BIGINT        NULL,
    attempts       INT           NOT NULL,
    paid_at        DATETIME(3)   NULL,
    failure_reason VARCHAR(200)  NULL,
    CONSTRAINT uq_payment UNIQUE (entitlement_id, period),
    CONSTRAINT fk_payment_entitlement FOREIGN KEY (entitlement_id) REFERENCES entitlement (id)
);
CREATE INDEX ix_payment_status_due ON payment (status, due_month);
CREATE INDEX ix_payment_run ON payment (run_id);

CREATE TABLE payment_run (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_month           VARCHAR(7)    NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    started_by          VARCHAR(64)   NOT NULL,
    started_at          DATETIME(3)   NOT NULL,
    files_written_at    DATETIME(3)   NULL,
    reconciled_at       DATETIME(3)   NULL,
    process_instance_id VARCHAR(64)   NULL,
    payment_count       INT           NOT NULL,
    total               DECIMAL(14,2) NOT NULL,
    return_file         LONGBLOB      NULL,
    return_file_sha256  CHAR(64)      NULL
);

CREATE TABLE payment_run_file (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT        NOT NULL,
    payer      VARCHAR(32)   NOT NULL,
    filename   VARCHAR(100)  NOT NULL,
    content    LONGBLOB      NOT NULL,
    sha256     CHAR(64)      NOT NULL,
    line_count INT           NOT NULL,
    total      DECIMAL(14,2) NOT NULL,
    CONSTRAINT uq_run_file UNIQUE (run_id, payer),
    CONSTRAINT fk_run_file_run FOREIGN KEY (run_id) REFERENCES payment_run (id)
);

CREATE TABLE audit_event (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at       DATETIME(3)  NOT NULL,
    actor    VARCHAR(64)  NOT NULL,
    claim_id BIGINT       NULL,
    run_id   BIGINT       NULL,
    type     VARCHAR(40)  NOT NULL,
    detail   VARCHAR(1000) NULL
);
CREATE INDEX ix_audit_claim ON audit_event (claim_id);
