-- What a draft would change on the claims already decided: a simulation run in the background,
-- in chunks of claim ids (each chunk one job of the policy-impact process, shared by every node),
-- its result stored with the draft so that the approver sees the same figures. Instants in UTC.
CREATE TABLE policy_impact (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id         BIGINT       NOT NULL,
    draft_revision   INT          NOT NULL,
    draft_sha256     CHAR(64)     NOT NULL,
    table_code       VARCHAR(64)  NOT NULL,
    valid_from       DATE         NOT NULL,
    -- the catalogue the simulation ran under: every version known at this instant, and the draft
    known_at         DATETIME(3)  NOT NULL,
    versions_json    TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    claim_from       BIGINT       NOT NULL,
    claim_to         BIGINT       NOT NULL,
    chunk_claims     INT          NOT NULL,
    chunks_total     INT          NOT NULL,
    chunks_done      INT          NOT NULL,
    records_done     BIGINT       NOT NULL,
    cancel_requested BOOLEAN      NOT NULL,
    started_by       VARCHAR(64)  NOT NULL,
    started_at       DATETIME(3)  NOT NULL,
    finished_at      DATETIME(3)  NULL,
    process_instance_id VARCHAR(64) NULL,
    result_json      LONGTEXT     NULL,
    -- the draft's id while the run is RUNNING, NULL after: one run at a time per draft, by the database
    running_draft    BIGINT       NULL,
    CONSTRAINT fk_policy_impact_draft FOREIGN KEY (draft_id) REFERENCES policy_draft (id),
    CONSTRAINT uq_policy_impact_running UNIQUE (running_draft)
);
CREATE INDEX ix_policy_impact_draft ON policy_impact (draft_id, id);

-- One row per chunk evaluated, written with the chunk's rows in its job's transaction: a chunk
-- counts once, whatever retries or nodes ran it.
CREATE TABLE policy_impact_chunk (
    impact_id    BIGINT      NOT NULL,
    chunk_no     INT         NOT NULL,
    records      INT         NOT NULL,
    summary_json TEXT        NOT NULL,
    finished_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (impact_id, chunk_no)
);

-- Each person (subject) and benefit whose outcome the draft changes, in one claim: the figures'
-- drill-down, and what the cost by district and registration is summed from.
CREATE TABLE policy_impact_claim (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    impact_id        BIGINT        NOT NULL,
    claim_id         BIGINT        NOT NULL,
    determination_id BIGINT        NOT NULL,
    benefit          VARCHAR(64)   NOT NULL,
    subject_path     VARCHAR(64)   NOT NULL,
    person_key       VARCHAR(64)   NULL,
    district         VARCHAR(100)  NULL,
    registration     VARCHAR(32)   NOT NULL,
    category         VARCHAR(24)   NOT NULL,
    before_amount    DECIMAL(14,2) NOT NULL,
    after_amount     DECIMAL(14,2) NOT NULL,
    before_12        DECIMAL(14,2) NOT NULL,
    after_12         DECIMAL(14,2) NOT NULL
);
CREATE INDEX ix_policy_impact_claim ON policy_impact_claim (impact_id, benefit, category);
