package cn.huiyisheng.app.web;

import java.net.URI;

/**
 * The one vocabulary of error answers: each kind with its HTTP status, its RFC 9457 {@code type}
 * and its title in the message bundles ({@code problem.<slug>}), Chinese first, English second.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    CONFLICT(409, "conflict"),
    TOO_LARGE(413, "too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    SPREADSHEET_REFUSED(422, "spreadsheet-refused"),
    SIGN_IN_THROTTLED(429, "sign-in-throttled"),
    INTERNAL(500, "internal"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    /** The message key of the title. */
    public String key() {
        return "problem." + slug;
    }

    /** The problem's {@code type}: a URN, stable, naming the kind and nothing else. */
    public URI uri() {
        return URI.create("urn:huiyisheng:problem:" + slug);
    }

    public static ProblemType ofStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
