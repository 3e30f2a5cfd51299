package cn.huiyisheng.processes.audit;

import cn.huiyisheng.processes.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The nightly chain verification on a real engine: started by its timer, signed when the chains hold, an incident when not. */
@Deployment(resources = "bpmn/chain-verification.bpmn")
class ChainVerificationProcessTest {

    static final class Steps implements AuditSteps {
        final List<String> calls = new ArrayList<>();
        String problem;

        @Override public String verifyChains() {
            calls.add("verify");
            return problem;
        }

        @Override public String signCheckpoint() {
            calls.add("sign");
            return "checkpoint-1.json";
        }
    }

    static final Steps STEPS = new Steps();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    static ProcessEngine engine() {
        AuditDelegates d = new AuditDelegates();
        Map<Object, Object> beans = new HashMap<>();
        beans.put("verifyChains", d.verifyChains(STEPS));
        beans.put("signCheckpoint", d.signCheckpoint(STEPS));
        beans.put("auditSchedule", new AuditSchedule("0 0 2 * * ?"));
        return TestEngine.create("audit", beans);
    }

    @org.junit.jupiter.api.AfterEach
    void clock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @BeforeEach
    void reset() {
        STEPS.calls.clear();
        STEPS.problem = null;
    }

    private Job timer() {
        return extension.getManagementService().createJobQuery().processDefinitionKey(ChainVerificationProcess.PROCESS_ID).timers().singleResult();
    }

    private Job next() {
        return extension.getManagementService().createJobQuery().processDefinitionKey(ChainVerificationProcess.PROCESS_ID).messages()
                .singleResult();
    }

    @Test
    void everyNightTheChainsAreVerifiedAndThenSigned() {
        Job timer = timer();
        assertThat(timer).isNotNull();
        // at 02:00, in the engine's time zone
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(2);
        // 02:00 comes
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(timer.getDuedate());
        extension.getManagementService().executeJob(timer.getId());
        extension.getManagementService().executeJob(next().getId());
        extension.getManagementService().executeJob(next().getId());
        assertThat(STEPS.calls).containsExactly("verify", "sign");
        assertThat(extension.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ChainVerificationProcess.PROCESS_ID)
                .finished().count()).isEqualTo(1);
        // and the timer is there again for the next night
        assertThat(timer().getDuedate().toInstant()).isEqualTo(timer.getDuedate().toInstant().plus(java.time.Duration.ofDays(1)));
    }

    @Test
    void aBrokenChainIsAnIncidentNamingIt() {
        STEPS.problem = "determinations 7: record 12 does not match its hash (altered)";
        extension.getManagementService().executeJob(timer().getId());
        Job verify = next();
        assertThatThrownBy(() -> extension.getManagementService().executeJob(verify.getId())).hasMessageContaining("record 12");
        // one retry, ten minutes later, then an incident in Cockpit
        Job retried = next();
        assertThat(retried.getRetries()).isEqualTo(1);
        assertThat(retried.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(9 * 60));
        assertThatThrownBy(() -> extension.getManagementService().executeJob(retried.getId())).hasMessageContaining("record 12");
        Incident incident = extension.getRuntimeService().createIncidentQuery().singleResult();
        assertThat(incident.getIncidentMessage()).contains("determinations 7: record 12 does not match its hash");
        assertThat(STEPS.calls).containsExactly("verify", "verify");
    }
}
