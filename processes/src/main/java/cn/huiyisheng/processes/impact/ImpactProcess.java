package cn.huiyisheng.processes.impact;

/** Names shared by the policy-impact BPMN models and the code that drives them. */
public final class ImpactProcess {

    public static final String PROCESS_ID = "policy-impact";
    /** One chunk of a simulation: a process instance (and job) of its own. */
    public static final String CHUNK_PROCESS_ID = "policy-impact-chunk";
    /** The chunk that completes the count tells the simulation's instance. */
    public static final String MESSAGE_CHUNKS_DONE = "ImpactChunksDone";
    /** The simulation's id (policy_impact.id). */
    public static final String IMPACT_ID = "impactId";
    /** The chunk a chunk's instance evaluates, 0 … chunks − 1. */
    public static final String CHUNK = "chunk";

    private ImpactProcess() {
    }

    /** The business key of a simulation's instance. */
    public static String businessKey(long impactId) {
        return "IMPACT-" + impactId;
    }

    /** The business key of a chunk's instance. */
    public static String chunkKey(long impactId, int chunk) {
        return "IMPACT-" + impactId + "-" + chunk;
    }
}
