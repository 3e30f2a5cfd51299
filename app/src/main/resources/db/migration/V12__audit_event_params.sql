-- What an event says, as values as well as words: the page renders each event type in its own
-- language from these (a JSON array of strings), the detail stays the English record of it.
ALTER TABLE audit_event ADD COLUMN params VARCHAR(2000) NULL;
