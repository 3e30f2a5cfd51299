package cn.huiyisheng.processes.claim;

/**
 * What the benefit-claim process asks of the application. Delegates translate a step into one
 * call here; the application implements it on its own tables, in the step's transaction. A claim
 * is named by its reference, the process instance's business key.
 */
public interface ClaimSteps {

    /**
     * What an evaluation decided for the process's routing: whether anything is eligible, and
     * whether an approval will need a supervisor's second approval (the total is above the threshold).
     */
    record Evaluated(boolean anyEligible, boolean secondApprovalNeeded) {
    }

    /** Evaluates the claim and records the sealed determination. */
    Evaluated evaluate(String claim);

    /** The applicant is told of the refusal and its reasons; the appeal window opens. */
    void notifyRefusal(String claim);

    /** The appeal window closed without an appeal. */
    void closeWithoutAppeal(String claim);

    /** The applicant is asked for information. */
    void requestInformation(String claim);

    /** The request for information went unanswered: the claim is withdrawn. */
    void withdrawUnanswered(String claim);

    /** A review has been open too long. */
    void escalateReview(String claim);

    /**
     * Records a reviewer's decision on the claim (who, what, the reason the applicant will read), as
     * the review task completes, in that completion's transaction. Who decided is the authenticated
     * user performing the completion, which the application knows; {@code assignee} is only the
     * engine's task field (anyone with access to the engine can set it) and decides nothing. Throws
     * {@link DecisionRefused} when that user may not decide this claim: the completion rolls back.
     */
    void recordReview(String claim, String assignee, String decision, String reason);

    /**
     * Records a supervisor's second-approval decision, as that task completes, in its transaction;
     * throws {@link FourEyesViolation} when the authenticated user performing it reviewed the claim,
     * and {@link DecisionRefused} when they may not decide it otherwise.
     */
    void recordSecondApproval(String claim, String assignee, String decision, String reason);

    /** An approved claim waits for a supervisor's second approval (its evaluation said it would). */
    void awaitSecondApproval(String claim);

    /** Grants the entitlements of the last determination: payments scheduled, services granted. */
    void grantEntitlements(String claim);

    /** The applicant is told of the approval. */
    void notifyApproval(String claim);
}
