package cn.huiyisheng.processes.claim;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.huiyisheng.processes.claim.ClaimProcess.ANY_ELIGIBLE;
import static cn.huiyisheng.processes.claim.ClaimProcess.DECISION;
import static cn.huiyisheng.processes.claim.ClaimProcess.REASON;
import static cn.huiyisheng.processes.claim.ClaimProcess.SECOND_APPROVAL_NEEDED;

/**
 * The delegates of benefit-claim, referenced from the model by {@code delegateExpression} under
 * these bean names. Each translates one step into one call of {@link ClaimSteps}.
 */
@Configuration
public class ClaimDelegates {

    /** The claim a process instance works on: its business key, the claim's reference (no variable to fetch). */
    static String claim(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        if (reference == null) {
            throw new ProcessEngineException("a benefit-claim process needs the claim's reference as its business key");
        }
        return reference;
    }

    @Bean
    JavaDelegate evaluateEligibility(ClaimSteps steps) {
        return execution -> {
            if (execution.getVariable(ANY_ELIGIBLE) != null) {
                return; // evaluated with the submission, on the facts as they still are: the routing is set
            }
            ClaimSteps.Evaluated evaluated = steps.evaluate(claim(execution));
            execution.setVariable(ANY_ELIGIBLE, evaluated.anyEligible());
            // routing after an approval, decided with the total: read by the check below, not the database
            execution.setVariable(SECOND_APPROVAL_NEEDED, evaluated.secondApprovalNeeded());
        };
    }

    @Bean
    JavaDelegate notifyRefusal(ClaimSteps steps) {
        return execution -> steps.notifyRefusal(claim(execution));
    }

    @Bean
    JavaDelegate closeClaim(ClaimSteps steps) {
        return execution -> steps.closeWithoutAppeal(claim(execution));
    }

    @Bean
    JavaDelegate requestInformation(ClaimSteps steps) {
        return execution -> steps.requestInformation(claim(execution));
    }

    @Bean
    JavaDelegate withdrawClaim(ClaimSteps steps) {
        return execution -> steps.withdrawUnanswered(claim(execution));
    }

    @Bean
    JavaDelegate escalateReview(ClaimSteps steps) {
        return execution -> steps.escalateReview(claim(execution));
    }

    @Bean
    JavaDelegate checkSecondApproval(ClaimSteps steps) {
        return execution -> {
            if (Boolean.TRUE.equals(execution.getVariable(SECOND_APPROVAL_NEEDED))) {
                steps.awaitSecondApproval(claim(execution));
            }
        };
    }

    @Bean
    JavaDelegate grantEntitlements(ClaimSteps steps) {
        return execution -> steps.grantEntitlements(claim(execution));
    }

    @Bean
    JavaDelegate notifyApproval(ClaimSteps steps) {
        return execution -> steps.notifyApproval(claim(execution));
    }

    /** On completing the review: records who decided what, and why, on the claim, in the completion's transaction. */
    @Bean
    TaskListener recordReviewer(ClaimSteps steps) {
        return task -> {
            if (task.getAssignee() == null) {
                throw new ProcessEngineException("claim the review task before completing it");
            }
            steps.recordReview(claim(task.getExecution()), task.getAssignee(), decision(task), reason(task));
        };
    }

    /**
     * On completing the second approval: records the supervisor's decision; the steps refuse it
     * ({@link FourEyesViolation}) when the supervisor is the claim's reviewer, and the completion
     * rolls back.
     */
    @Bean
    TaskListener fourEyesGuard(ClaimSteps steps) {
        return task -> {
            if (task.getAssignee() == null) {
                throw new ProcessEngineException("claim the second-approval task before completing it");
            }
            steps.recordSecondApproval(claim(task.getExecution()), task.getAssignee(), decision(task), reason(task));
        };
    }

    private static String decision(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (decision == null) {
            throw new ProcessEngineException("complete task " + task.getTaskDefinitionKey() + " with a " + DECISION);
        }
        return decision.toString();
    }

    private static String reason(DelegateTask task) {
        Object reason = task.getVariable(REASON);
        return reason == null ? null : reason.toString();
    }
}
