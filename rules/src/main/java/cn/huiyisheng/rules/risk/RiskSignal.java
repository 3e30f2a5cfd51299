package cn.huiyisheng.rules.risk;

/**
 * Something a reviewer should look at before deciding: a signal, not a refusal.
 *
 * @param code    a stable code, e.g. {@code BANK_ACCOUNT_OF_ANOTHER_HOUSEHOLD}
 * @param subject who or what it concerns in this claim (applicant, spouse, child 1, bank account)
 * @param other   the other claim concerned, if any
 */
public record RiskSignal(String code, String subject, String other, String zh, String en) implements Comparable<RiskSignal> {

    @Override
    public int compareTo(RiskSignal o) {
        return (code + "|" + subject + "|" + other).compareTo(o.code + "|" + o.subject + "|" + o.other);
    }
}
