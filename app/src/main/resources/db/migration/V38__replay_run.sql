-- Bulk replays of sealed determinations (issue 12 §3): a run over the records the filters select,
-- as decided or as the rules are known at the run's start, in chunks of the chain (each chunk one
-- job of the replay-run process, shared by every node). Instants in UTC.
CREATE TABLE replay_run (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mode                VARCHAR(16)   NOT NULL,
    criteria_json       TEXT          NOT NULL,
    known_at            DATETIME(3)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    seq_from            BIGINT        NOT NULL,
    seq_span            INT           NOT NULL,
    chunks_total        INT           NOT NULL,
    chunks_done         INT           NOT NULL,
    records_total       BIGINT        NOT NULL,
    records_done        BIGINT        NOT NULL,
    cancel_requested    BOOLEAN       NOT NULL,
    started_by          VARCHAR(64)   NOT NULL,
    started_at          DATETIME(3)   NOT NULL,
    finished_at         DATETIME(3)   NULL,
    process_instance_id VARCHAR(64)   NULL,
    result_json         LONGTEXT      NULL
);

-- One row per chunk replayed, written with its items in its job's transaction: a chunk counts once.
CREATE TABLE replay_run_chunk (
    run_id       BIGINT        NOT NULL,
    chunk_no     INT           NOT NULL,
    records      INT           NOT NULL,
    identical    INT           NOT NULL,
    drifted      INT           NOT NULL,
    failed       INT           NOT NULL,
    amount_drift DECIMAL(16,2) NOT NULL,
    causes_json  TEXT          NOT NULL,
    finished_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (run_id, chunk_no)
);

-- Each record that did not replay identically: drifted (with its cause and amount) or failed.
CREATE TABLE replay_run_item (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id           BIGINT        NOT NULL,
    determination_id BIGINT        NOT NULL,
    seq              BIGINT        NOT NULL,
    claim_id         BIGINT        NOT NULL,
    outcome          VARCHAR(12)   NOT NULL,
    cause            VARCHAR(200)  NULL,
    amount_drift     DECIMAL(14,2) NULL,
    detail           VARCHAR(1000) NULL
);
CREATE INDEX ix_replay_run_item ON replay_run_item (run_id, seq);
