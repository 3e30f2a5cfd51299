package cn.huiyisheng.app;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

import java.util.List;

/** Runs the engine's due jobs of one process instance, as the job executor would. */
public final class Jobs {

    private Jobs() {
    }

    public static int runDue(ManagementService management, String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
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
