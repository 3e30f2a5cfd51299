-- The applicant's messages (issue 11 §3): one row for every event that concerns them (information
-- requested, decided, paid, a confirmation due), written in the transaction of the event itself, so
-- that no event is told twice or lost. The row is also the outbox of the SMS channel: a relay sends
-- the rows not yet sent (sms_sent_at) through the configured Notifier and marks them, once.
CREATE TABLE notification (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    claim_id        BIGINT       NOT NULL,
    claim_reference VARCHAR(40)  NOT NULL,
    type            VARCHAR(40)  NOT NULL,
    params          VARCHAR(2000) NULL,
    created_at      DATETIME(3)  NOT NULL,
    read_at         DATETIME(3)  NULL,
    sms_sent_at     DATETIME(3)  NULL,
    CONSTRAINT fk_notification_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_notification_user ON notification (username, created_at);
CREATE INDEX ix_notification_unsent ON notification (sms_sent_at, id);
