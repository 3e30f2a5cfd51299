package cn.huiyisheng.rules.engine;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Exact birthday arithmetic. A person reaches age N on the Nth anniversary of their birth; someone
 * born on 29 February reaches it on 1 March in a common year (no 29 February to celebrate on) and
 * on 29 February in a leap year. This is {@link Period#between}'s rule.
 */
public final class Ages {

    private Ages() {
    }

    /** Completed years on {@code on}; -1 before birth. */
    public static int age(LocalDate birth, LocalDate on) {
        if (birth == null || on.isBefore(birth)) {
            return -1;
        }
        // Period.between's years, without its month and day arithmetic (this runs for every subject
        // of every month assessed): one more year once the day of the year reaches the birth's
        int years = on.getYear() - birth.getYear();
        int m = on.getMonthValue() - birth.getMonthValue();
        return m < 0 || m == 0 && on.getDayOfMonth() < birth.getDayOfMonth() ? years - 1 : years;
    }

    /** The day a person born on {@code birth} reaches {@code years}. */
    public static LocalDate reaches(LocalDate birth, int years) {
        LocalDate anniversary = birth.plusYears(years);
        // plusYears clamps 29 Feb to 28 Feb in a common year; the age is reached the day after
        return anniversary.getDayOfMonth() != birth.getDayOfMonth() ? anniversary.plusDays(1) : anniversary;
    }

    /** Calendar months from the month of {@code from} to the month of {@code to}: 0 in the same month. */
    public static int monthsBetween(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to));
    }
}
