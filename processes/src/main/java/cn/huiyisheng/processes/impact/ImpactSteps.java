package cn.huiyisheng.processes.impact;

/** What the policy-impact processes ask of the application. */
public interface ImpactSteps {

    /** Starts one policy-impact-chunk instance per chunk of the simulation. */
    void plan(long impactId);

    /**
     * Re-evaluates one chunk of claims without and with the draft, and records what changes, in
     * the job's transaction: a chunk counts once, whatever retries or nodes ran it; a chunk of a
     * cancelled simulation evaluates nothing. The chunk that completes the count correlates
     * {@link ImpactProcess#MESSAGE_CHUNKS_DONE}.
     */
    void evaluateChunk(long impactId, int chunk);

    /**
     * A chunk failed on its last retry: the simulation ends FAILED with the reason, in a transaction
     * of its own (the job's is rolled back); the draft may be simulated again.
     */
    void failed(long impactId, int chunk, String reason);

    /** Adds up the chunks into the simulation's figures (or marks it cancelled), once every chunk has run. */
    void summarise(long impactId);
}
