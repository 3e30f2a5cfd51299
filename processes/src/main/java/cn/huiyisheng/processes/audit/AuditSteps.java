package cn.huiyisheng.processes.audit;

/** What the nightly chain verification asks of the service. */
public interface AuditSteps {

    /** Verifies both chains in full; null when both hold, else what is broken (the first broken record of each). */
    String verifyChains();

    /** Signs both chains' heads into a checkpoint outside the database; the checkpoint's name. */
    String signCheckpoint();

    /** A chain that does not hold: the job fails with it, and becomes an incident once its retry fails too. */
    class ChainBroken extends RuntimeException {
        public ChainBroken(String problem) {
            super(problem);
        }
    }
}
