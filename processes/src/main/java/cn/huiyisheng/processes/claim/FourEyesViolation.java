package cn.huiyisheng.processes.claim;

/** A second approval attempted by the claim's own reviewer: refused, the task stays open. */
public class FourEyesViolation extends DecisionRefused {

    public FourEyesViolation(String user) {
        super("FOUR_EYES", user + " reviewed this claim and cannot give its second approval");
    }
}
