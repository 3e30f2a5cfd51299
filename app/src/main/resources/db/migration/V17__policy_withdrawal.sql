-- Withdrawing a published version whose validFrom is still ahead, by two people: one requests it
-- with a reason, another approves it (the version's withdrawn_at is then set, a moment ahead, and
-- every node stops using it from then) or rejects it. Instants in UTC.
CREATE TABLE policy_withdrawal (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_code     VARCHAR(64)   NOT NULL,
    version_no     INT           NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   DATETIME(3)   NOT NULL,
    decided_by     VARCHAR(64)   NULL,
    decided_at     DATETIME(3)   NULL,
    decision_note  VARCHAR(2000) NULL,
    -- one open request per version at a time: 'Y' while REQUESTED, NULL once decided
    open_marker    CHAR(1)       NULL,
    CONSTRAINT uq_policy_withdrawal_open UNIQUE (table_code, version_no, open_marker),
    CONSTRAINT ck_policy_withdrawal_two_people CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
