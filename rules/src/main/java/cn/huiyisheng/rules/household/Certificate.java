package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/** The 独生子女父母光荣证 (one-child parents' honour certificate). */
public record Certificate(String number, LocalDate issueDate, Boolean revoked, LocalDate revokedDate) {

    /** Valid on a date: issued on or before it and not revoked by then. */
    public boolean validOn(LocalDate date) {
        if (issueDate == null || issueDate.isAfter(date)) {
            return false;
        }
        if (!Boolean.TRUE.equals(revoked)) {
            return true;
        }
        return revokedDate != null && revokedDate.isAfter(date);
    }

    @Override
    public String toString() {
        return "Certificate[" + ResidentId.mask(number) + ", issued " + issueDate + (Boolean.TRUE.equals(revoked) ? ", revoked " + revokedDate : "") + "]";
    }
}
