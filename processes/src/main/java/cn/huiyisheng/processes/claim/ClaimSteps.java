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
     * the review task completes, in that completion's transaction.
     */
    void recordReview(String claim, String reviewer, String decision, String reason);

    /**
     * Records a supervisor's second-approval decision, as that task completes, in its transaction;
     * throws {@link FourEyesViolation} when the supervisor is the claim's reviewer.
     */
    void recordSecondApproval(String claim, String supervisor, String decision, String reason);

    /** An approved claim waits for a supervisor's second approval (its evaluation said it would). */
    void awaitSecondApproval(String claim);

    /** Grants the entitlements of the last determination: payments scheduled, services granted. */
    void grantEntitlements(String claim);

    /** The applicant is told of the approval. */
    void notifyApproval(String claim);
}
