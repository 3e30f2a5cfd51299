-- A change in the household that the applicant reports in the portal (issue 10 §4, issue 11 §3):
-- not applied by itself (a report is a statement, not evidence); a reviewer sees it in the workbench,
-- records the life event with the evidence seen (or not), and marks the report handled.
CREATE TABLE change_report (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_id    BIGINT        NOT NULL,
    username    VARCHAR(64)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    event_date  DATE          NOT NULL,
    note        VARCHAR(2000) NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    handled_by  VARCHAR(64)   NULL,
    handled_at  DATETIME(3)   NULL,
    CONSTRAINT fk_change_report_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_change_report_open ON change_report (status, created_at);
