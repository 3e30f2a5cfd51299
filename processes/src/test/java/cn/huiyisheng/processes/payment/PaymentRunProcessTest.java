package cn.huiyisheng.processes.payment;

import cn.huiyisheng.processes.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

@Deployment(resources = "bpmn/payment-run.bpmn")
class PaymentRunProcessTest {

    static final class RecordingSteps implements PaymentSteps {
        final List<String> calls = new ArrayList<>();
        boolean hasPayments = true;
        int chunks = 0;

        @Override public Prepared prepare(Long runId, String processInstanceId) {
            calls.add("prepare " + runId);
            return new Prepared(runId == null ? 7L : runId, chunks);
        }
        @Override public void determineChunk(long runId, int chunk) { calls.add("chunk " + runId + " " + chunk); }
        @Override public long collect(Long runId, String processInstanceId) {
            calls.add("collect " + runId);
            return runId == null ? 7L : runId;
        }
        @Override public boolean hasPayments(long runId) { return hasPayments; }
        @Override public void writeBankFiles(long runId) { calls.add("write " + runId); }
        @Override public void reconcile(long runId) { calls.add("reconcile " + runId); }
    }

    static final RecordingSteps STEPS = new RecordingSteps();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    static ProcessEngine engine() {
        PaymentDelegates d = new PaymentDelegates();
        Map<Object, Object> beans = new HashMap<>();
        beans.put("preparePaymentRun", d.preparePaymentRun(STEPS));
        beans.put("collectPayments", d.collectPayments(STEPS));
        beans.put("writeBankFiles", d.writeBankFiles(STEPS));
        beans.put("reconcilePayments", d.reconcilePayments(STEPS));
        return TestEngine.create("payments", beans);
    }

    @BeforeEach
    void reset() {
        // two engines live in this JVM (one per test class): the assertions must use this class's
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(extension.getProcessEngine());
        STEPS.calls.clear();
        STEPS.hasPayments = true;
        STEPS.chunks = 0;
    }

    @Test
    void aRunCollectsWritesWaitsForTheReturnFileAndReconciles() {
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(PaymentProcess.MESSAGE_RUN_REQUESTED,
                Map.of(PaymentProcess.RUN_ID, 3L));
        assertThat(pi).isWaitingAt("Task_PrepareRun");
        execute(job());
        assertThat(pi).isWaitingAt("Task_CollectPayments");
        execute(job());
        execute(job());
        assertThat(pi).isWaitingAt(PaymentProcess.TASK_IMPORT_RETURN_FILE);
        assertThat(task()).hasCandidateGroup(PaymentProcess.GROUP_PAYMENT_OFFICERS);
        complete(task());
        execute(job());
        assertThat(pi).isEnded().hasPassed("End_Reconciled");
        assertThat(STEPS.calls).containsExactly("prepare 3", "collect 3", "write 3", "reconcile 3");
    }

    @Test
    void aRunWithNothingDueEndsAtOnce() {
        STEPS.hasPayments = false;
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(PaymentProcess.MESSAGE_RUN_REQUESTED);
        assertThat(pi).isWaitingAt("Task_PrepareRun");
        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("End_NothingDue");
        assertThat(STEPS.calls).containsExactly("prepare null", "collect 7");
    }

    @Test
    void aRunWithChunksOfDeterminationWaitsUntilTheLastChunkSaysItIsDone() {
        STEPS.chunks = 3;
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(PaymentProcess.MESSAGE_RUN_REQUESTED,
                Map.of(PaymentProcess.RUN_ID, 4L));
        assertThat(pi).isWaitingAt("Task_PrepareRun");
        execute(job());
        assertThat(pi).isWaitingAt("Receive_Determined");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        runtimeService().createMessageCorrelation(PaymentProcess.MESSAGE_RUN_DETERMINED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isWaitingAt("Task_CollectPayments");
        execute(job());
        assertThat(STEPS.calls).containsExactly("prepare 4", "collect 4");
    }

    @Test
    void theMonthlyTimerIsScheduledOnTheFirstOfTheMonth() {
        var timer = managementService().createJobQuery().timers().activityId("Start_Monthly").singleResult();
        assertThat(timer).isNotNull();
        java.util.Calendar due = java.util.Calendar.getInstance();
        due.setTime(timer.getDuedate());
        assertThat(due.get(java.util.Calendar.DAY_OF_MONTH)).isEqualTo(1);
        assertThat(due.get(java.util.Calendar.HOUR_OF_DAY)).isEqualTo(2);
    }
}
