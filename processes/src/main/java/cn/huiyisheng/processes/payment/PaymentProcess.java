package cn.huiyisheng.processes.payment;

/** Names shared by the payment-run BPMN model and the code that drives it. */
public final class PaymentProcess {

    public static final String PROCESS_ID = "payment-run";
    /** Starts a run on demand (the monthly timer starts the others). */
    public static final String MESSAGE_RUN_REQUESTED = "PaymentRunRequested";
    public static final String RUN_ID = "runId";
    public static final String HAS_PAYMENTS = "hasPayments";
    /** How many chunks of determination the run waits for (payment-run-chunk instances). */
    public static final String CHUNKS = "chunks";
    /** One chunk's number, a variable of its payment-run-chunk instance. */
    public static final String CHUNK = "chunk";
    /** Sent by the chunk that completes a run's determination. */
    public static final String MESSAGE_RUN_DETERMINED = "PaymentRunDetermined";
    public static final String CHUNK_PROCESS_ID = "payment-run-chunk";
    public static final String TASK_IMPORT_RETURN_FILE = "Task_ImportReturnFile";
    public static final String GROUP_PAYMENT_OFFICERS = "paymentOfficers";

    private PaymentProcess() {
    }

    /** The business key of a run's chunk instance. */
    public static String chunkKey(long runId, int chunk) {
        return chunkKeyPrefix(runId) + chunk;
    }

    /** What the business keys of a run's chunk instances begin with (and no other run's). */
    public static String chunkKeyPrefix(long runId) {
        return "RUN-" + runId + "-";
    }
}
