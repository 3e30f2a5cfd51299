package cn.huiyisheng.app;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;

import java.util.List;

/** Runs the engine's due jobs of one process instance, as the job executor would. */
public final class Jobs {

    private Jobs() {
    }

    /** The running process instance of a claim (its reference is the business key); null once it has ended. */
    public static String processOf(RuntimeService runtime, String reference) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        return pi == null ? null : pi.getId();
    }

    /** Runs the due jobs of a claim's process, if it is still running. */
    public static int runDueOfClaim(RuntimeService runtime, ManagementService management, String reference) {
        String pi = processOf(runtime, reference);
        return pi == null ? 0 : runDue(management, pi);
    }

    /**
     * Runs a draft's impact simulation as the job executor would: the plan (a chunk instance per
     * chunk of claims), every chunk, then the summary the last chunk asked for.
     */
    public static void runImpact(RuntimeService runtime, ManagementService management, long impactId) {
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("IMPACT-" + impactId).singleResult().getId();
        runDue(management, pi);
        for (ProcessInstance chunk : runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("IMPACT-" + impactId + "-%").list()) {
            runDue(management, chunk.getId());
        }
        runDue(management, pi);
    }

    /** Runs a bulk replay to its end: the run's planning, every chunk, then the summary the last chunk asked for. */
    public static void runReplay(RuntimeService runtime, ManagementService management, long runId) {
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("REPLAY-" + runId).singleResult().getId();
        runDue(management, pi);
        for (ProcessInstance chunk : runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("REPLAY-" + runId + "-%").list()) {
            runDue(management, chunk.getId());
        }
        runDue(management, pi);
    }

    /**
     * Runs the due jobs of a process instance, and those of any payment run's chunks (instances of
     * their own, which a run started and waits for), until none is left.
     */
    public static int runDue(ManagementService management, String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = new java.util.ArrayList<>(management.createJobQuery().processInstanceId(processInstanceId).executable().list());
            due.addAll(management.createJobQuery().processDefinitionKey("payment-run-chunk").executable().list());
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }
}
