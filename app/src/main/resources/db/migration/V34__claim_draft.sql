-- The portal's claim drafts (issue 11 §2): an applicant's claim as they build it, saved at every
-- step and resumable; submitted once (the draft's id is the claim's idempotency key). Its documents
-- wait in draft_document and become the claim's (claim_document) when it is submitted. Nothing here
-- is a decision: the claim is made, evaluated and sealed only at submission.
CREATE TABLE claim_draft (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    benefits        VARCHAR(1000) NULL,
    period_from     VARCHAR(7)    NULL,
    household_json  LONGTEXT      NULL,
    bank_account    VARCHAR(40)   NULL,
    bank_name       VARCHAR(100)  NULL,
    declared_at     DATETIME(3)   NULL,
    claim_reference VARCHAR(40)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL
);
CREATE INDEX ix_claim_draft_user ON claim_draft (username, status);

CREATE TABLE draft_document (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id     BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    uploaded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_draft_document_draft FOREIGN KEY (draft_id) REFERENCES claim_draft (id)
);
CREATE INDEX ix_draft_document_draft ON draft_document (draft_id);

-- what kind of document a claim's document is (a checklist item: 光荣证, 死亡证明 …)
ALTER TABLE claim_document ADD COLUMN kind VARCHAR(40) NULL;
