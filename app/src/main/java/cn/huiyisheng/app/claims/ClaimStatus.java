package cn.huiyisheng.app.claims;

/** Where a claim stands. */
public enum ClaimStatus {
    SUBMITTED, IN_REVIEW, REFUSED, APPEALED, INFO_REQUESTED, INFO_PROVIDED, AWAITING_SECOND_APPROVAL, APPROVED, CLOSED, WITHDRAWN;

    /** Still being decided (not approved, refused with its appeal window closed, closed or withdrawn). */
    public boolean isOpen() {
        return this != APPROVED && this != CLOSED && this != WITHDRAWN && this != REFUSED;
    }
}
