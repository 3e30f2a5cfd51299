-- The security trail: sign-ins and failed sign-ins, refused accesses, staff reads of personal data,
-- decisions, payment-run actions. Rows are only ever inserted. A sealer chains them in order
-- (security_seal, also insert-only): each seal holds the hash of its event's content and of the
-- seal before it, so a changed, deleted or inserted event is found. Instants in UTC.
CREATE TABLE security_event (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at      DATETIME(3)  NOT NULL,
    actor   VARCHAR(64)  NOT NULL,
    address VARCHAR(45)  NULL,
    type    VARCHAR(32)  NOT NULL,
    outcome VARCHAR(16)  NOT NULL,
    target  VARCHAR(200) NULL,
    detail  VARCHAR(500) NULL
);
CREATE INDEX ix_security_event_actor ON security_event (actor, type, at);
CREATE INDEX ix_security_event_address ON security_event (address, type, at);
CREATE INDEX ix_security_event_at ON security_event (at);

CREATE TABLE security_seal (
    seq       BIGINT      NOT NULL PRIMARY KEY,
    event_id  BIGINT      NOT NULL,
    prev_hash CHAR(64)    NOT NULL,
    hash      CHAR(64)    NOT NULL,
    sealed_at DATETIME(3) NOT NULL,
    CONSTRAINT uq_security_seal_event UNIQUE (event_id)
);

-- The head of the security chain, locked while seals are appended.
CREATE TABLE security_chain (
    id            INT         NOT NULL PRIMARY KEY,
    last_seq      BIGINT      NOT NULL,
    last_hash     CHAR(64)    NOT NULL,
    last_event_at DATETIME(3) NULL
);
INSERT INTO security_chain (id, last_seq, last_hash, last_event_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
