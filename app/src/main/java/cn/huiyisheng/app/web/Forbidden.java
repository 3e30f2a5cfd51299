package cn.huiyisheng.app.web;

/** A signed-in user asking for something that is not theirs to see or do (403). */
public class Forbidden extends RuntimeException {
    private final String code;

    public Forbidden(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
