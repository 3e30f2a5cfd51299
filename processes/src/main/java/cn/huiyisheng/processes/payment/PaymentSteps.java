package cn.huiyisheng.processes.payment;

/** What the payment-run process asks of the application. */
public interface PaymentSteps {

    /**
     * Takes every payment due up to the run's month that is not paid or in another run into this
     * run; creates the run when started by the timer (runId null). Returns the run's id.
     *
     * @param processInstanceId the run's process instance, which the run records
     */
    long collect(Long runId, String processInstanceId);

    /** Whether the run took any payment. */
    boolean hasPayments(long runId);

    /** Writes the bank disbursement file of every payer in the run. */
    void writeBankFiles(long runId);

    /** Marks the run's payments paid or failed from the imported return file. */
    void reconcile(long runId);
}
