package cn.huiyisheng.processes.claim;

/** Names shared by the benefit-claim BPMN model and the code that drives it. */
public final class ClaimProcess {

    public static final String PROCESS_ID = "benefit-claim";

    /*
     * A process instance holds no domain data: its business key is the claim's reference, and the
     * variables below only route it.
     */
    /** Routing flags and decisions, set by the steps and by completed tasks. */
    /**
     * Whether anything is eligible: set when the claim is evaluated (with its submission, or by the
     * evaluation step); cleared (null) by the model as the applicant's information arrives, so that
     * the step evaluates the facts again. The evaluation step evaluates only when it is not set.
     */
    public static final String ANY_ELIGIBLE = "anyEligible";
    public static final String DECISION = "decision";
    /** The reason given with a decision: passed as a transient variable, kept in the claim, not in the process. */
    public static final String REASON = "reason";
    public static final String SECOND_APPROVAL_NEEDED = "secondApprovalNeeded";

    public static final String TASK_REVIEW = "Task_ReviewClaim";
    public static final String TASK_SECOND_APPROVAL = "Task_SecondApproval";
    public static final String MESSAGE_INFORMATION_PROVIDED = "InformationProvided";
    public static final String MESSAGE_APPEAL = "ClaimAppealed";

    public static final String GROUP_REVIEWERS = "reviewers";
    public static final String GROUP_SUPERVISORS = "supervisors";

    /** What a reviewer or supervisor decides. */
    public enum Decision { APPROVE, REFUSE, REQUEST_INFO }

    private ClaimProcess() {
    }
}
