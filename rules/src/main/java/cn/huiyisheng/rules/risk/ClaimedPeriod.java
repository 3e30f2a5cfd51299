package cn.huiyisheng.rules.risk;

import java.time.LocalDate;
import java.util.Set;

/** What the claim under review asks for: its first and last claimed months (as their first days) and its benefits. */
public record ClaimedPeriod(LocalDate firstMonth, LocalDate lastMonth, Set<String> benefits) {

    public LocalDate getFirstMonth() { return firstMonth; }
    public LocalDate getLastMonth() { return lastMonth; }

    /** Whether a benefit paid only while a child lives is claimed (the one-child health fee). */
    public boolean isForALivingChild() {
        return benefits.isEmpty() || benefits.contains("ONE_CHILD_HEALTH_FEE");
    }
}
