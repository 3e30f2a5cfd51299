package cn.huiyisheng.processes.audit;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of chain-verification, each one call of {@link AuditSteps}. */
@Configuration
public class AuditDelegates {

    public static final String CHECKPOINT = "checkpoint";

    @Bean
    public JavaDelegate verifyChains(AuditSteps steps) {
        return execution -> {
            String problem = steps.verifyChains();
            if (problem != null) {
                throw new AuditSteps.ChainBroken(problem);
            }
        };
    }

    @Bean
    public JavaDelegate signCheckpoint(AuditSteps steps) {
        return execution -> execution.setVariable(CHECKPOINT, steps.signCheckpoint());
    }
}
