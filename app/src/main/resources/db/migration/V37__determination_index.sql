-- The auditors' index of sealed determinations (issue 12 §1): one row per record, made by an indexer
-- after the sealer (never on the path that decides), and an inverted index of the record's terms:
-- P the keyed hash of a person's resident ID (never the ID), B a benefit asked for, V a table
-- version used, S that version's SHA-256. Rebuildable from the records at any time.
CREATE TABLE determination_index (
    determination_id BIGINT        NOT NULL PRIMARY KEY,
    seq              BIGINT        NOT NULL,
    claim_id         BIGINT        NOT NULL,
    recorded_at      DATETIME(3)   NOT NULL,
    as_of            DATE          NOT NULL,
    scope            VARCHAR(8)    NOT NULL,
    outcome          VARCHAR(12)   NOT NULL,
    total            DECIMAL(14,2) NULL,
    engine_version   VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_determination_index_recorded ON determination_index (recorded_at);
CREATE INDEX ix_determination_index_claim ON determination_index (claim_id);
CREATE INDEX ix_determination_index_seq ON determination_index (seq);

CREATE TABLE determination_term (
    kind             CHAR(1)     NOT NULL,
    term             VARCHAR(80) NOT NULL,
    determination_id BIGINT      NOT NULL,
    PRIMARY KEY (kind, term, determination_id)
);
CREATE INDEX ix_determination_term_record ON determination_term (determination_id);

-- How far the indexer has come along the chain (one node at a time: the row is locked).
CREATE TABLE determination_index_head (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO determination_index_head (id, last_seq) VALUES (1, 0);
