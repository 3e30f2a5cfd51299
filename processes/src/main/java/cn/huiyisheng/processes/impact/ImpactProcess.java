package cn.huiyisheng.processes.impact;

/** Names shared by the policy-impact BPMN model and the code that drives it. */
public final class ImpactProcess {

    public static final String PROCESS_ID = "policy-impact";
    /** The simulation's id (policy_impact.id). */
    public static final String IMPACT_ID = "impactId";
    /** How many chunks of claims the simulation is split into: the multi-instance's cardinality. */
    public static final String CHUNKS = "chunks";
    /** The chunk a multi-instance job evaluates: Camunda's own counter of the instance, 0 … chunks − 1. */
    public static final String CHUNK = "loopCounter";
    public static final String TASK_EVALUATE_CHUNK = "Task_EvaluateChunk";

    private ImpactProcess() {
    }
}
