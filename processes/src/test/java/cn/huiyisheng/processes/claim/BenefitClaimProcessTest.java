package cn.huiyisheng.processes.claim;

import cn.huiyisheng.processes.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The benefit-claim model on the real Camunda engine: every path a claim can take. The
 * application's steps are recorded here; the app module runs the same model on its real steps.
 */
@Deployment(resources = "bpmn/benefit-claim.bpmn")
class BenefitClaimProcessTest {

    /** Records the steps the process asks for, with answers the test sets. */
    static final class RecordingSteps implements ClaimSteps {
        final List<String> calls = new ArrayList<>();
        boolean eligible = true;
        boolean secondApproval;

        @Override public Evaluated evaluate(String claim) {
            calls.add(claim.equals("HYS-TEST-1") ? "evaluate" : "evaluate the wrong claim " + claim);
            return new Evaluated(eligible, secondApproval);
        }
        @Override public void notifyRefusal(String claim) { calls.add("notifyRefusal"); }
        @Override public void closeWithoutAppeal(String claim) { calls.add("close"); }
        @Override public void requestInformation(String claim) { calls.add("requestInformation"); }
        @Override public void withdrawUnanswered(String claim) { calls.add("withdraw"); }
        @Override public void escalateReview(String claim) { calls.add("escalate"); }
        String reviewer;

        @Override public void recordReview(String claim, String reviewer, String decision, String reason) {
            this.reviewer = reviewer;
            calls.add("review by " + reviewer + ": " + decision + (reason == null ? "" : " (" + reason + ")"));
        }
        @Override public void recordSecondApproval(String claim, String supervisor, String decision, String reason) {
            if (supervisor.equals(reviewer)) {
                throw new FourEyesViolation(supervisor);
            }
            calls.add("second approval by " + supervisor + ": " + decision);
        }
        @Override public void awaitSecondApproval(String claim) { calls.add("awaitSecondApproval"); }
        @Override public void grantEntitlements(String claim) { calls.add("grant"); }
        @Override public void notifyApproval(String claim) { calls.add("notifyApproval"); }
    }

    static final RecordingSteps STEPS = new RecordingSteps();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(engine()).build();

    static ProcessEngine engine() {
        ClaimDelegates d = new ClaimDelegates();
        Map<Object, Object> beans = new HashMap<>();
        beans.put("evaluateEligibility", d.evaluateEligibility(STEPS));
        beans.put("notifyRefusal", d.notifyRefusal(STEPS));
        beans.put("closeClaim", d.closeClaim(STEPS));
        beans.put("requestInformation", d.requestInformation(STEPS));
        beans.put("withdrawClaim", d.withdrawClaim(STEPS));
        beans.put("escalateReview", d.escalateReview(STEPS));
        beans.put("checkSecondApproval", d.checkSecondApproval(STEPS));
        beans.put("grantEntitlements", d.grantEntitlements(STEPS));
        beans.put("notifyApproval", d.notifyApproval(STEPS));
        beans.put("recordReviewer", d.recordReviewer(STEPS));
        beans.put("fourEyesGuard", d.fourEyesGuard(STEPS));
        beans.put("claimTimers", new ClaimTimers(30, 30, 10));
        return TestEngine.create("claims", beans);
    }

    @BeforeEach
    void reset() {
        // two engines live in this JVM (one per test class): the assertions must use this class's
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(extension.getProcessEngine());
        STEPS.calls.clear();
        STEPS.eligible = true;
        STEPS.secondApproval = false;
        STEPS.reviewer = null;
        // a Monday, so that working days are easy to count
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private ProcessInstance submit() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ClaimProcess.PROCESS_ID, "HYS-TEST-1");
        assertThat(pi).isWaitingAt("Task_EvaluateEligibility");
        execute(job());
        return pi;
    }

    private static void decide(String user, ClaimProcess.Decision decision) {
        Task t = task();
        taskService().claim(t.getId(), user);
        taskService().complete(t.getId(), Map.of(ClaimProcess.DECISION, decision.name()));
    }

    /** Executes the jobs due now (continuations, timers that have passed), until none is left. */
    private static void runJobs() {
        var management = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService();
        for (int i = 0; i < 50; i++) {
            var due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    private static void later(int days) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L));
    }

    @Test
    void anEligibleClaimIsReviewedApprovedGrantedAndNotified() {
        ProcessInstance pi = submit();
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
        assertThat(task()).hasCandidateGroup(ClaimProcess.GROUP_REVIEWERS);
        decide("reviewer", ClaimProcess.Decision.APPROVE);
        runJobs();
        assertThat(pi).isEnded().hasPassed("Task_GrantEntitlements", "Task_NotifyApproval").hasNotPassed(ClaimProcess.TASK_SECOND_APPROVAL);
        assertThat(STEPS.calls).containsExactly("evaluate", "review by reviewer: APPROVE", "grant", "notifyApproval");
    }

    @Test
    void aboveTheThresholdASupervisorGivesTheSecondApproval() {
        STEPS.secondApproval = true;
        ProcessInstance pi = submit();
        decide("reviewer", ClaimProcess.Decision.APPROVE);
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_SECOND_APPROVAL);
        assertThat(task()).hasCandidateGroup(ClaimProcess.GROUP_SUPERVISORS);
        decide("supervisor", ClaimProcess.Decision.APPROVE);
        runJobs();
        assertThat(pi).isEnded().hasPassed("End_Approved");
        assertThat(STEPS.calls).containsSubsequence("review by reviewer: APPROVE", "awaitSecondApproval",
                "second approval by supervisor: APPROVE", "grant");
    }

    @Test
    void theReviewerCannotGiveTheSecondApproval() {
        STEPS.secondApproval = true;
        ProcessInstance pi = submit();
        decide("supervisor", ClaimProcess.Decision.APPROVE);
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_SECOND_APPROVAL);
        assertThatThrownBy(() -> decide("supervisor", ClaimProcess.Decision.APPROVE))
                .hasMessageContaining("FOUR_EYES: supervisor reviewed this claim and cannot give its second approval");
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_SECOND_APPROVAL);
        assertThat(STEPS.calls).doesNotContain("grant", "second approval by supervisor: APPROVE");
    }

    @Test
    void theReasonOfADecisionReachesTheClaimButIsNotKeptInTheProcess() {
        ProcessInstance pi = submit();
        Task t = task();
        taskService().claim(t.getId(), "reviewer");
        taskService().complete(t.getId(), Variables.createVariables().putValue(ClaimProcess.DECISION, "REQUEST_INFO")
                .putValueTyped(ClaimProcess.REASON, Variables.stringValue("death certificate?", true)));
        assertThat(STEPS.calls).contains("review by reviewer: REQUEST_INFO (death certificate?)");
        assertThat(runtimeService().getVariables(pi.getId())).containsEntry(ClaimProcess.DECISION, "REQUEST_INFO")
                .doesNotContainKey(ClaimProcess.REASON);
    }

    @Test
    void aTaskCompletedWithoutADecisionIsRefusedByTheModel() {
        ProcessInstance pi = submit();
        Task t = task();
        taskService().claim(t.getId(), "reviewer");
        assertThatThrownBy(() -> taskService().complete(t.getId())).hasMessageContaining("with a decision");
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
        assertThat(STEPS.calls).containsExactly("evaluate");
    }

    @Test
    void aSupervisorsRefusalGoesToTheApplicantWithTheAppealWindow() {
        STEPS.secondApproval = true;
        ProcessInstance pi = submit();
        decide("reviewer", ClaimProcess.Decision.APPROVE);
        decide("supervisor", ClaimProcess.Decision.REFUSE);
        runJobs();
        assertThat(pi).isWaitingAt("Gateway_AppealWindow");
        assertThat(STEPS.calls).contains("notifyRefusal").doesNotContain("grant");
    }

    @Test
    void nothingEligibleIsNotifiedAndClosesWhenTheAppealWindowPasses() {
        STEPS.eligible = false;
        ProcessInstance pi = submit();
        runJobs();
        assertThat(pi).isWaitingAt("Gateway_AppealWindow");
        later(29);
        assertThat(jobAt("Timer_AppealDeadline").getDuedate()).isAfter(ClockUtil.getCurrentTime());
        later(2);
        execute(jobAt("Timer_AppealDeadline"));
        runJobs();
        assertThat(pi).isEnded().hasPassed("Task_CloseClaim", "End_Closed");
    }

    @Test
    void anAppealWithinTheWindowGoesToAReviewer() {
        STEPS.eligible = false;
        ProcessInstance pi = submit();
        runJobs();
        runtimeService().createMessageCorrelation(ClaimProcess.MESSAGE_APPEAL).processInstanceBusinessKey("HYS-TEST-1").correlate();
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
    }

    @Test
    void aRequestForInformationUnansweredFor30DaysWithdrawsTheClaim() {
        ProcessInstance pi = submit();
        decide("reviewer", ClaimProcess.Decision.REQUEST_INFO);
        runJobs();
        assertThat(pi).isWaitingAt("Gateway_AwaitInformation");
        later(31);
        execute(jobAt("Timer_AnswerDeadline"));
        runJobs();
        assertThat(pi).isEnded().hasPassed("Task_WithdrawClaim", "End_Withdrawn");
        assertThat(STEPS.calls).containsExactly("evaluate", "review by reviewer: REQUEST_INFO", "requestInformation", "withdraw");
    }

    @Test
    void anAnsweredRequestIsEvaluatedAgain() {
        ProcessInstance pi = submit();
        decide("reviewer", ClaimProcess.Decision.REQUEST_INFO);
        runJobs();
        runtimeService().createMessageCorrelation(ClaimProcess.MESSAGE_INFORMATION_PROVIDED)
                .processInstanceBusinessKey("HYS-TEST-1").correlate();
        assertThat(pi).isWaitingAt("Task_EvaluateEligibility");
        execute(job());
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
        assertThat(STEPS.calls).containsExactly("evaluate", "review by reviewer: REQUEST_INFO", "requestInformation", "evaluate");
    }

    @Test
    void aClaimEvaluatedWithItsSubmissionIsRoutedByThatEvaluationAndEvaluatedAgainOnlyAfterAnAnswer() {
        // as the application starts a claim it evaluated as submitted: nothing eligible, so refused without evaluating again
        ProcessInstance refused = runtimeService().startProcessInstanceByKey(ClaimProcess.PROCESS_ID, "HYS-TEST-1",
                Map.of(ClaimProcess.ANY_ELIGIBLE, false, ClaimProcess.SECOND_APPROVAL_NEEDED, false));
        assertThat(refused).isWaitingAt("Task_EvaluateEligibility");
        execute(job());
        runJobs();
        assertThat(refused).isWaitingAt("Gateway_AppealWindow");
        assertThat(STEPS.calls).containsExactly("notifyRefusal");
        runtimeService().deleteProcessInstance(refused.getId(), "test");
        STEPS.calls.clear();

        // eligible above the threshold: to review, then to second approval, as the submission's evaluation said
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ClaimProcess.PROCESS_ID, "HYS-TEST-1",
                Map.of(ClaimProcess.ANY_ELIGIBLE, true, ClaimProcess.SECOND_APPROVAL_NEEDED, true));
        assertThat(pi).isWaitingAt("Task_EvaluateEligibility");
        execute(job());
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
        decide("reviewer", ClaimProcess.Decision.REQUEST_INFO);
        runJobs();
        // the answer clears the eligibility: the step evaluates the facts again (now below the threshold)
        runtimeService().createMessageCorrelation(ClaimProcess.MESSAGE_INFORMATION_PROVIDED)
                .processInstanceBusinessKey("HYS-TEST-1").correlate();
        assertThat(runtimeService().getVariable(pi.getId(), ClaimProcess.ANY_ELIGIBLE)).isNull();
        execute(job());
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
        decide("reviewer", ClaimProcess.Decision.APPROVE);
        runJobs();
        assertThat(STEPS.calls).containsExactly("review by reviewer: REQUEST_INFO", "requestInformation", "evaluate",
                "review by reviewer: APPROVE", "grant", "notifyApproval");
    }

    @Test
    void aReviewOpenTenWorkingDaysIsEscalatedAndStaysOpen() {
        ProcessInstance pi = submit();
        // submitted Monday 2 March: the ten working days after it end Monday 16 March; escalated at
        // the start of Tuesday 17 March, Shenzhen time
        assertThat(jobAt("Timer_ReviewSla").getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-16T16:00:00Z"));
        later(14);
        assertThat(jobAt("Timer_ReviewSla").getDuedate()).isAfter(ClockUtil.getCurrentTime());
        later(1);
        execute(jobAt("Timer_ReviewSla"));
        runJobs();
        assertThat(STEPS.calls).contains("escalate");
        assertThat(pi).isWaitingAt(ClaimProcess.TASK_REVIEW);
    }

    private static org.camunda.bpm.engine.runtime.Job jobAt(String activityId) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
                .activityId(activityId).singleResult();
    }
}
