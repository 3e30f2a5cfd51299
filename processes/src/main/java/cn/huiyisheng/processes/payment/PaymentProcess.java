package cn.huiyisheng.processes.payment;

/** Names shared by the payment-run BPMN model and the code that drives it. */
public final class PaymentProcess {

    public static final String PROCESS_ID = "payment-run";
    /** Starts a run on demand (the monthly timer starts the others). */
    public static final String MESSAGE_RUN_REQUESTED = "PaymentRunRequested";
    public static final String RUN_ID = "runId";
    public static final String HAS_PAYMENTS = "hasPayments";
    public static final String TASK_IMPORT_RETURN_FILE = "Task_ImportReturnFile";
    public static final String GROUP_PAYMENT_OFFICERS = "paymentOfficers";

    private PaymentProcess() {
    }
}
