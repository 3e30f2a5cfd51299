package cn.huiyisheng.processes.audit;

/**
 * The nightly verification of both chains (issue 12 §4): a timer starts it (the cron of the
 * {@code auditSchedule} bean), the chains are verified (a broken one fails the job, which becomes
 * an incident in Cockpit after its retry), then their heads are signed into a checkpoint.
 */
public final class ChainVerificationProcess {

    public static final String PROCESS_ID = "chain-verification";

    private ChainVerificationProcess() {
    }
}
