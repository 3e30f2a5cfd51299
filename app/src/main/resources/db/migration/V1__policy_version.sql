-- Every version of every decision table. A PUBLISHED row never changes: a change is a new version.
-- Instants are stored in UTC.
CREATE TABLE policy_version (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_code     VARCHAR(64)  NOT NULL,
    version_no     INT          NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    valid_from     DATE         NOT NULL,
    published_at   DATETIME(3)  NULL,
    withdrawn_at   DATETIME(3)  NULL,
    author         VARCHAR(64)  NOT NULL,
    approver       VARCHAR(64)  NULL,
    sha256         CHAR(64)     NOT NULL,
    basis_document VARCHAR(512) NOT NULL,
    basis_clause   VARCHAR(256) NOT NULL,
    change_note    TEXT         NOT NULL,
    figures        VARCHAR(16)  NOT NULL,
    sources_json   TEXT         NOT NULL,
    known_gaps_json TEXT        NOT NULL,
    spreadsheet    LONGBLOB     NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT uq_policy_version UNIQUE (table_code, version_no)
);
CREATE INDEX ix_policy_version_sha ON policy_version (sha256);
