package cn.huiyisheng.processes.impact;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of policy-impact and policy-impact-chunk, each one call of {@link ImpactSteps}. */
@Configuration
public class ImpactDelegates {

    @Bean
    JavaDelegate planImpactChunks(ImpactSteps steps) {
        return execution -> steps.plan(((Number) execution.getVariable(ImpactProcess.IMPACT_ID)).longValue());
    }

    /**
     * A chunk; when its last retry fails too, the simulation is marked FAILED with the reason (in a
     * transaction of its own: the job's is rolled back), so that the console says so and the draft can
     * be simulated again. The job's incident stays for the operators; retried from Cockpit, the chunk
     * evaluates nothing (the run is no longer RUNNING) and closes the run's process.
     */
    @Bean
    JavaDelegate evaluateImpactChunk(ImpactSteps steps) {
        return execution -> {
            long impactId = ((Number) execution.getVariable(ImpactProcess.IMPACT_ID)).longValue();
            int chunk = ((Number) execution.getVariable(ImpactProcess.CHUNK)).intValue();
            try {
                steps.evaluateChunk(impactId, chunk);
            } catch (RuntimeException e) {
                if (lastAttempt()) {
                    steps.failed(impactId, chunk, e.toString());
                }
                throw e;
            }
        };
    }

    /** Whether the job running now has no retry left after this one (no job: called directly, as in a test, so the last). */
    static boolean lastAttempt() {
        org.camunda.bpm.engine.impl.interceptor.CommandContext context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        org.camunda.bpm.engine.impl.persistence.entity.JobEntity job = context == null ? null : context.getCurrentJob();
        return job == null || job.getRetries() <= 1;
    }

    @Bean
    JavaDelegate summariseImpact(ImpactSteps steps) {
        return execution -> steps.summarise(((Number) execution.getVariable(ImpactProcess.IMPACT_ID)).longValue());
    }
}
