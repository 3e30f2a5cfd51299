package cn.huiyisheng.processes.claim;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A decision on a claim that the person performing it may not make: four eyes, a conflict of
 * interest, a missing role, no authenticated user. Thrown by the steps while the task completes,
 * so the completion rolls back and the task stays open, whatever path reached the engine. It is an
 * {@link AuthorizationException}, so Camunda's own REST API answers 403 as ours does, never 500.
 */
public class DecisionRefused extends AuthorizationException {

    private final String code;

    public DecisionRefused(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** FOUR_EYES, CONFLICT_OF_INTEREST, NOT_A_REVIEWER, NOT_A_SUPERVISOR, NOT_AUTHENTICATED. */
    public String code() {
        return code;
    }
}
