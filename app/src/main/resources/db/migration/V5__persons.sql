-- Accounts belong to a person: the keyed hash (HMAC) of their resident ID number, their name as
-- verified, a phone. One account per person. The ID number itself stays where it was (id_number).
ALTER TABLE app_user ADD COLUMN person_key CHAR(64) NULL;
ALTER TABLE app_user ADD COLUMN person_name VARCHAR(50) NULL;
ALTER TABLE app_user ADD COLUMN phone VARCHAR(20) NULL;
CREATE UNIQUE INDEX uq_app_user_person ON app_user (person_key);

-- Who a claim is about, by person key: the applicant, the spouse and each child. Conflicts of
-- interest ("no one decides a claim of their own household") and cross-claim checks use it.
CREATE TABLE claim_person (
    claim_id   BIGINT      NOT NULL,
    person_key CHAR(64)    NOT NULL,
    role       VARCHAR(16) NOT NULL,
    CONSTRAINT pk_claim_person PRIMARY KEY (claim_id, person_key, role),
    CONSTRAINT fk_claim_person_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_claim_person_key ON claim_person (person_key);

-- The decisions themselves, on the claim: granting requires a recorded approval (and a second one
-- above the threshold), whatever the process's variables say or wherever an operator moved it.
ALTER TABLE claim ADD COLUMN review_decision VARCHAR(16) NULL;
ALTER TABLE claim ADD COLUMN second_decision VARCHAR(16) NULL;

-- Cross-claim checks search by bank account.
CREATE INDEX ix_claim_bank_account ON claim (bank_account);
