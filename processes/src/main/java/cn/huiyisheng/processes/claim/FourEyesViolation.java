package cn.huiyisheng.processes.claim;

import org.camunda.bpm.engine.ProcessEngineException;

/** A second approval attempted by the claim's own reviewer: refused, the task stays open. */
public class FourEyesViolation extends ProcessEngineException {

    public FourEyesViolation(String user) {
        super("FOUR_EYES: " + user + " reviewed this claim and cannot give its second approval");
    }
}
