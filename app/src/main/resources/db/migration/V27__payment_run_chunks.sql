-- A payment run determines the standing entitlements' months come due in chunks, each a job of its
-- own on any node (payment-run-chunk): a chunk's entitlements by id range, done in the job's
-- transaction with its row here, counted on the run; the chunk that completes the count tells the
-- run to go on and collect what is due.
CREATE TABLE payment_run_chunk (
    run_id       BIGINT      NOT NULL,
    chunk        INT         NOT NULL,
    from_id      BIGINT      NOT NULL,
    to_id        BIGINT      NOT NULL,
    entitlements INT         NULL,
    payments     INT         NULL,
    closed       INT         NULL,
    done_at      DATETIME(3) NULL,
    CONSTRAINT pk_payment_run_chunk PRIMARY KEY (run_id, chunk),
    CONSTRAINT fk_run_chunk_run FOREIGN KEY (run_id) REFERENCES payment_run (id)
);
ALTER TABLE payment_run ADD COLUMN chunks_total INT NOT NULL DEFAULT 0;
ALTER TABLE payment_run ADD COLUMN chunks_done INT NOT NULL DEFAULT 0;
