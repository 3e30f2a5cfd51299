-- A determination's result stored compressed, with its SHA-256 (issue 12 §4): a result is most of a
-- record (7.5 of 8.1 KB in ./bench replay) and, as text, lay off the row in MariaDB, where reading it
-- back cost the chain's verification 35-50 us a record. Compressed (zlib) it is a third of that and
-- stays in the row. A record made from now on has result_sha256 and result_z and no result_json; the
-- records made before keep their text: both are sealed as they are stored (SealedDeterminations.hash).
ALTER TABLE determination ADD COLUMN result_sha256 CHAR(64) NULL;
ALTER TABLE determination ADD COLUMN result_z LONGBLOB NULL;
ALTER TABLE determination MODIFY COLUMN result_json LONGTEXT NULL;
