package cn.huiyisheng.processes.impact;

/** What the policy-impact process asks of the application. */
public interface ImpactSteps {

    /**
     * Re-evaluates one chunk of claims without and with the draft, and records what changes, in
     * the job's transaction: a chunk counts once, whatever retries or nodes ran it; a chunk of a
     * cancelled simulation evaluates nothing.
     */
    void evaluateChunk(long impactId, int chunk);

    /** Adds up the chunks into the simulation's figures (or marks it cancelled), once every chunk has run. */
    void summarise(long impactId);
}
