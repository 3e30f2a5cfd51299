package cn.huiyisheng.processes.payment;

/** What the payment-run process asks of the application. */
public interface PaymentSteps {

    /** A run prepared: its id, and how many chunks of determination it waits for. */
    record Prepared(long runId, int chunks) {
    }

    /**
     * Prepares the run, creating it when the timer started it (runId null): corrections of months
     * paid, yearly confirmations, and the determination of the standing entitlements' months come
     * due, split into chunks each started as a payment-run-chunk instance.
     *
     * @param processInstanceId the run's process instance, which the run records
     */
    Prepared prepare(Long runId, String processInstanceId);

    /** Determines one chunk; the chunk that completes the run's count sends {@link PaymentProcess#MESSAGE_RUN_DETERMINED}. */
    void determineChunk(long runId, int chunk);

    /** Takes every payment due up to the run's month that is not paid or in another run into this run. Returns the run's id. */
    long collect(Long runId, String processInstanceId);

    /** Whether the run took any payment. */
    boolean hasPayments(long runId);

    /** Writes the bank disbursement file of every payer in the run. */
    void writeBankFiles(long runId);

    /** Marks the run's payments paid or failed from the imported return file. */
    void reconcile(long runId);
}
