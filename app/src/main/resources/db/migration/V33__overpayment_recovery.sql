-- Recovering an overpayment (issue 10 §3): a reviewer who schedules its recovery has it withheld
-- from the same person's later payments of the same benefit, at most a set share of each (the rest
-- is paid), run by run until it is recovered. Each withholding is a row of its own, once per
-- overpayment and payment; a payment's bank line carries the amount less what it withholds.
ALTER TABLE payment ADD COLUMN withheld DECIMAL(12,2) NOT NULL DEFAULT 0;

CREATE TABLE overpayment_recovery (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    adjustment_id BIGINT        NOT NULL,
    payment_id    BIGINT        NOT NULL,
    run_id        BIGINT        NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uq_overpayment_recovery UNIQUE (adjustment_id, payment_id),
    CONSTRAINT fk_recovery_adjustment FOREIGN KEY (adjustment_id) REFERENCES payment_adjustment (id),
    CONSTRAINT fk_recovery_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
);
CREATE INDEX ix_recovery_run ON overpayment_recovery (run_id);
CREATE INDEX ix_recovery_payment ON overpayment_recovery (payment_id);

-- what the payments that withheld it and were paid have recovered; RECOVERED once all of it is
ALTER TABLE payment_adjustment ADD COLUMN recovered DECIMAL(12,2) NOT NULL DEFAULT 0;
