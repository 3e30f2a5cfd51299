-- What a sealed determination answered: FULL (every requested benefit as of the date, and over the
-- period) or CLAIM (one-time benefits as of the date, recurring ones over the period only). Replay
-- evaluates in the same scope; records made before this column are FULL.
ALTER TABLE determination ADD COLUMN scope VARCHAR(8) NOT NULL DEFAULT 'FULL';
