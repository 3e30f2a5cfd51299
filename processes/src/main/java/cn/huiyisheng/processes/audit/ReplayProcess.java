package cn.huiyisheng.processes.audit;

/** Names shared by the replay-run BPMN models and the code that drives them (issue 12 §3). */
public final class ReplayProcess {

    public static final String PROCESS_ID = "replay-run";
    /** One chunk of a bulk replay: a process instance (and job) of its own, on any node. */
    public static final String CHUNK_PROCESS_ID = "replay-run-chunk";
    /** The chunk that completes the count tells the run's instance. */
    public static final String MESSAGE_CHUNKS_DONE = "ReplayChunksDone";
    public static final String RUN_ID = "replayRunId";
    public static final String CHUNK = "chunk";

    private ReplayProcess() {
    }

    public static String businessKey(long runId) {
        return "REPLAY-" + runId;
    }

    public static String chunkKey(long runId, int chunk) {
        return "REPLAY-" + runId + "-" + chunk;
    }
}
