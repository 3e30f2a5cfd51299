package cn.huiyisheng.processes.payment;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.huiyisheng.processes.payment.PaymentProcess.RUN_ID;

/** The delegates of payment-run, each one call of {@link PaymentSteps}. */
@Configuration
public class PaymentDelegates {

    @Bean
    JavaDelegate preparePaymentRun(PaymentSteps steps) {
        return execution -> {
            Number given = (Number) execution.getVariable(RUN_ID);
            PaymentSteps.Prepared prepared = steps.prepare(given == null ? null : given.longValue(), execution.getProcessInstanceId());
            execution.setVariable(RUN_ID, prepared.runId());
            execution.setVariable(PaymentProcess.CHUNKS, prepared.chunks());
        };
    }

    @Bean
    JavaDelegate determineRunChunk(PaymentSteps steps) {
        return execution -> steps.determineChunk(((Number) execution.getVariable(RUN_ID)).longValue(),
                ((Number) execution.getVariable(PaymentProcess.CHUNK)).intValue());
    }

    @Bean
    JavaDelegate collectPayments(PaymentSteps steps) {
        return execution -> {
            Number given = (Number) execution.getVariable(RUN_ID);
            long runId = steps.collect(given == null ? null : given.longValue(), execution.getProcessInstanceId());
            execution.setVariable(RUN_ID, runId);
            execution.setVariable(PaymentProcess.HAS_PAYMENTS, steps.hasPayments(runId));
        };
    }

    @Bean
    JavaDelegate writeBankFiles(PaymentSteps steps) {
        return execution -> steps.writeBankFiles(((Number) execution.getVariable(RUN_ID)).longValue());
    }

    @Bean
    JavaDelegate reconcilePayments(PaymentSteps steps) {
        return execution -> steps.reconcile(((Number) execution.getVariable(RUN_ID)).longValue());
    }
}
