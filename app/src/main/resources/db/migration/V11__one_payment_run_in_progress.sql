-- At most one payment run in progress at a time, on every node: a run holds the marker from its
-- start until it is reconciled or ends with nothing due (NULLs do not collide in a unique index).
-- A run awaiting its return file thus blocks a new one; the service says which and why.
ALTER TABLE payment_run ADD COLUMN in_progress CHAR(1) NULL;
UPDATE payment_run SET in_progress = 'Y'
WHERE id = (SELECT m FROM (SELECT MAX(id) AS m FROM payment_run
                           WHERE status IN ('STARTED', 'COLLECTED', 'FILES_WRITTEN', 'RETURN_IMPORTED')) newest);
CREATE UNIQUE INDEX uq_payment_run_in_progress ON payment_run (in_progress);
