-- The benefits' test cases as part of the catalogue's record: each table's cases.yaml as shipped
-- (a row per content, version 0, recorded at the start that first saw it) and the cases each version published
-- from a draft came with. A draft's checks run the latest shipped file and every published version's.
CREATE TABLE policy_case_file (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_code  VARCHAR(64)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    version_no  INT          NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    cases_yaml  LONGTEXT     NOT NULL,
    recorded_at DATETIME(3)  NOT NULL,
    CONSTRAINT uq_policy_case_file UNIQUE (table_code, source, version_no, sha256)
);
-- a draft's cases may be 256 KB: more than a MySQL TEXT holds
ALTER TABLE policy_draft MODIFY COLUMN cases_yaml LONGTEXT NULL;
