package cn.huiyisheng.processes.audit;

/** What the replay-run processes ask of the application. */
public interface ReplaySteps {

    /** Starts one replay-run-chunk instance per chunk of the run. */
    void plan(long runId);

    /**
     * Replays one chunk of sealed records and records what differs, in the job's transaction: a
     * chunk counts once, whatever retries or nodes ran it; a chunk of a cancelled run replays
     * nothing. The chunk that completes the count correlates {@link ReplayProcess#MESSAGE_CHUNKS_DONE}.
     */
    void replayChunk(long runId, int chunk);

    /** A chunk failed on its last retry: the run ends FAILED with the reason, in a transaction of its own. */
    void failed(long runId, int chunk, String reason);

    /** Adds up the chunks into the run's result (or marks it cancelled), once every chunk has run. */
    void summarise(long runId);
}
