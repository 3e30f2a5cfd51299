package cn.huiyisheng.app.web;

/** A request that cannot be done in the current state (409), with a stable code. */
public class Conflict extends RuntimeException {
    private final String code;

    public Conflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
