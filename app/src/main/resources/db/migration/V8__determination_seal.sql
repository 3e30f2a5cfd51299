-- Determinations are chained by a sealer within seconds (as the security trail is), no longer in
-- the transaction of the step that records them: the chain head was the one row every evaluation
-- locked, through its commit. A record is inserted alone; its seal (position, link, hash) is
-- appended to determination_seal, insert-only, by one node at a time (the head is locked).
-- The hash of a record is computed as before, over the record's content, its position and the
-- hash before it: the records sealed before this migration keep their seals unchanged.
CREATE TABLE determination_seal (
    seq              BIGINT      NOT NULL PRIMARY KEY,
    determination_id BIGINT      NOT NULL,
    prev_hash        CHAR(64)    NOT NULL,
    hash             CHAR(64)    NOT NULL,
    sealed_at        DATETIME(3) NOT NULL,
    CONSTRAINT uq_determination_seal_record UNIQUE (determination_id)
);
INSERT INTO determination_seal (seq, determination_id, prev_hash, hash, sealed_at)
SELECT seq, id, prev_hash, hash, recorded_at FROM determination;

ALTER TABLE determination DROP COLUMN seq;
ALTER TABLE determination DROP COLUMN prev_hash;
ALTER TABLE determination DROP COLUMN hash;
-- the sealer looks for unsealed records from shortly before the newest sealed one
CREATE INDEX ix_determination_recorded ON determination (recorded_at);

ALTER TABLE determination_chain ADD COLUMN last_recorded_at DATETIME(3) NULL;
UPDATE determination_chain SET last_recorded_at = (SELECT MAX(recorded_at) FROM determination) WHERE id = 1;
