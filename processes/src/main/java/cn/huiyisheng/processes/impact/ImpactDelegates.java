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

    @Bean
    JavaDelegate evaluateImpactChunk(ImpactSteps steps) {
        return execution -> steps.evaluateChunk(((Number) execution.getVariable(ImpactProcess.IMPACT_ID)).longValue(),
                ((Number) execution.getVariable(ImpactProcess.CHUNK)).intValue());
    }

    @Bean
    JavaDelegate summariseImpact(ImpactSteps steps) {
        return execution -> steps.summarise(((Number) execution.getVariable(ImpactProcess.IMPACT_ID)).longValue());
    }
}
