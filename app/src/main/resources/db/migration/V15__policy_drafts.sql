-- Drafts of decision-table versions: uploaded by a policy staff member, replaced by new uploads
-- until submitted, then approved (published as a new policy_version) or returned by another.
-- Instants in UTC.
CREATE TABLE policy_draft (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_code        VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    valid_from        DATE          NOT NULL,
    basis_document    VARCHAR(512)  NOT NULL,
    basis_clause      VARCHAR(256)  NOT NULL,
    change_note       VARCHAR(2000) NOT NULL,
    figures           VARCHAR(16)   NOT NULL,
    sources_json      TEXT          NOT NULL,
    spreadsheet       LONGBLOB      NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    rows_count        INT           NOT NULL,
    author            VARCHAR(64)   NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    revision          INT           NOT NULL,
    submitted_at      DATETIME(3)   NULL,
    reviewer          VARCHAR(64)   NULL,
    decided_at        DATETIME(3)   NULL,
    review_comment    VARCHAR(2000) NULL,
    published_version INT           NULL,
    -- the database, not only the service, refuses a draft decided by its own author
    CONSTRAINT ck_policy_draft_two_people CHECK (reviewer IS NULL OR reviewer <> author)
);
CREATE INDEX ix_policy_draft_table ON policy_draft (table_code, status);
CREATE INDEX ix_policy_draft_status ON policy_draft (status, submitted_at);

-- A published version is approved by someone other than its author (the versions shipped in
-- policy-tables/ are authored and approved by "shipped", the repository's review).
ALTER TABLE policy_version ADD CONSTRAINT ck_policy_version_two_people
    CHECK (approver IS NULL OR approver <> author OR author = 'shipped');
