-- What the bank did in a run, recorded when the run is reconciled (paid and failed, counted and
-- summed, each failure with the bank's reason), so that it stays what it was: a failed payment is
-- taken again by a later run, and the payment rows then tell only that later run's story.
ALTER TABLE payment_run ADD COLUMN outcome_json TEXT NULL;
