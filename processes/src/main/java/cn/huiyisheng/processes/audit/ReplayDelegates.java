package cn.huiyisheng.processes.audit;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of replay-run and replay-run-chunk, each one call of {@link ReplaySteps}. */
@Configuration
public class ReplayDelegates {

    @Bean
    public JavaDelegate planReplayChunks(ReplaySteps steps) {
        return execution -> steps.plan(((Number) execution.getVariable(ReplayProcess.RUN_ID)).longValue());
    }

    /** A chunk; when its last retry fails too, the run is marked FAILED (in a transaction of its own) and the incident stays. */
    @Bean
    public JavaDelegate replayChunk(ReplaySteps steps) {
        return execution -> {
            long runId = ((Number) execution.getVariable(ReplayProcess.RUN_ID)).longValue();
            int chunk = ((Number) execution.getVariable(ReplayProcess.CHUNK)).intValue();
            try {
                steps.replayChunk(runId, chunk);
            } catch (RuntimeException e) {
                org.camunda.bpm.engine.impl.interceptor.CommandContext context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
                org.camunda.bpm.engine.impl.persistence.entity.JobEntity job = context == null ? null : context.getCurrentJob();
                if (job == null || job.getRetries() <= 1) {
                    steps.failed(runId, chunk, e.toString());
                }
                throw e;
            }
        };
    }

    @Bean
    public JavaDelegate summariseReplay(ReplaySteps steps) {
        return execution -> steps.summarise(((Number) execution.getVariable(ReplayProcess.RUN_ID)).longValue());
    }
}
