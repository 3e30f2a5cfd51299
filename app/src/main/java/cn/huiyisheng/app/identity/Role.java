package cn.huiyisheng.app.identity;

/** What a user may do. A user may hold several roles. */
public enum Role {
    APPLICANT, REVIEWER, SUPERVISOR, PAYMENT_OFFICER, POLICY_STAFF, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
