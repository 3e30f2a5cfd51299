package cn.huiyisheng.app.impact;

import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a draft changes for each person (subject) of one claim: the same facts, dates and scope
 * evaluated without and with the draft, compared unit by unit (month, year, or the one-time event).
 * A pure function of the two answers, so that the figures can be checked by hand.
 */
public final class ImpactComparison {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    /** Where a person lands: the bands of the change of their amount, or a change of eligibility. */
    public enum Category {
        NEWLY_ELIGIBLE("新增符合条件", "newly eligible"),
        NO_LONGER_ELIGIBLE("不再符合条件", "no longer eligible"),
        GAIN_OVER_5("增加超过5%", "gain of more than 5 %"),
        GAIN_UP_TO_5("增加不超过5%", "gain of up to 5 %"),
        UNCHANGED("不变", "unchanged"),
        LOSS_UP_TO_5("减少不超过5%", "loss of up to 5 %"),
        LOSS_OVER_5("减少超过5%", "loss of more than 5 %"),
        /** Eligible neither without nor with the draft: outside the figures. */
        INELIGIBLE("均不符合条件", "eligible in neither");

        private final String zh;
        private final String en;

        Category(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /**
     * One person's change for one benefit.
     *
     * @param before       the amount over the compared units without the draft
     * @param after        the same with the draft
     * @param before12     the part of {@code before} in the draft's first 12 months
     * @param after12      the part of {@code after} in them
     * @param changed      whether any unit's eligibility or amount differs (a decision the draft would change)
     */
    public record Change(String benefit, Periodicity periodicity, String path, boolean beforeEligible, boolean afterEligible,
                         BigDecimal before, BigDecimal after, BigDecimal before12, BigDecimal after12, boolean changed,
                         Category category) {
    }

    /** The first and last month of the draft's first 12 months: the budget's window. */
    public record Window(YearMonth from, YearMonth to) {
        public static Window of(YearMonth first) {
            return new Window(first, first.plusMonths(11));
        }

        boolean contains(YearMonth unit) {
            return !unit.isBefore(from) && !unit.isAfter(to);
        }
    }

    private ImpactComparison() {
    }

    /** Every person and benefit of the two answers, in the order of the first (then any only in the second). */
    public static List<Change> compare(EvaluationResponse before, EvaluationResponse after, Window window) {
        Map<String, Units> b = units(before, window);
        Map<String, Units> a = units(after, window);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Units> e : b.entrySet()) {
            changes.add(change(e.getValue(), a.getOrDefault(e.getKey(), Units.empty(e.getValue()))));
        }
        for (Map.Entry<String, Units> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                changes.add(change(Units.empty(e.getValue()), e.getValue()));
            }
        }
        return changes;
    }

    static Category category(boolean beforeEligible, boolean afterEligible, BigDecimal before, BigDecimal after) {
        if (!beforeEligible && !afterEligible) {
            return Category.INELIGIBLE;
        }
        if (!beforeEligible) {
            return Category.NEWLY_ELIGIBLE;
        }
        if (!afterEligible) {
            return Category.NO_LONGER_ELIGIBLE;
        }
        int sign = after.compareTo(before);
        if (sign == 0) {
            return Category.UNCHANGED;
        }
        if (before.signum() == 0) {
            return sign > 0 ? Category.GAIN_OVER_5 : Category.LOSS_OVER_5;
        }
        BigDecimal ratio = after.subtract(before).divide(before, 6, RoundingMode.HALF_EVEN);
        if (sign > 0) {
            return ratio.compareTo(FIVE_PERCENT) > 0 ? Category.GAIN_OVER_5 : Category.GAIN_UP_TO_5;
        }
        return ratio.negate().compareTo(FIVE_PERCENT) > 0 ? Category.LOSS_OVER_5 : Category.LOSS_UP_TO_5;
    }

    private static Change change(Units b, Units a) {
        boolean changed = b.eligible != a.eligible || !b.sameAs(a);
        return new Change(b.benefit, b.periodicity, b.path, b.eligible, a.eligible, b.total, a.total, b.total12, a.total12, changed,
                category(b.eligible, a.eligible, b.total, a.total));
    }

    /**
     * A person's units of one benefit: each eligible unit (months since year 0) with its amount (zero
     * for a service), in the order the engine gives them (ascending), and the totals. Arrays, not
     * maps: a simulation builds two of these for every person of every claim.
     */
    private static final class Units {
        final String benefit;
        final Periodicity periodicity;
        final String path;
        int[] units = new int[12];
        BigDecimal[] amounts = new BigDecimal[12];
        int size;
        boolean eligible;
        BigDecimal total = ZERO;
        BigDecimal total12 = ZERO;

        Units(String benefit, Periodicity periodicity, String path) {
            this.benefit = benefit;
            this.periodicity = periodicity;
            this.path = path;
        }

        static Units empty(Units like) {
            return new Units(like.benefit, like.periodicity, like.path);
        }

        void add(YearMonth unit, BigDecimal amount, Window window) {
            BigDecimal value = amount == null ? ZERO : amount;
            eligible = true;
            int key = unit.getYear() * 12 + unit.getMonthValue() - 1;
            if (size > 0 && units[size - 1] == key) {
                amounts[size - 1] = amounts[size - 1].add(value);
            } else {
                if (size == units.length) {
                    units = java.util.Arrays.copyOf(units, size * 2);
                    amounts = java.util.Arrays.copyOf(amounts, size * 2);
                }
                units[size] = key;
                amounts[size] = value;
                size++;
            }
            total = total.add(value);
            if (window.contains(unit)) {
                total12 = total12.add(value);
            }
        }

        /** The same eligible units with the same amounts. */
        boolean sameAs(Units other) {
            if (size != other.size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (units[i] != other.units[i] || amounts[i].compareTo(other.amounts[i]) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Map<String, Units> units(EvaluationResponse response, Window window) {
        Map<String, Units> all = new LinkedHashMap<>();
        if (response.determination() != null) {
            for (BenefitDetermination b : response.determination().benefits()) {
                for (ItemDetermination i : b.items()) {
                    Units u = all.computeIfAbsent(b.benefit() + "|" + i.path(), k -> new Units(b.benefit(), b.periodicity(), i.path()));
                    if (i.eligible() && i.assessedOn() != null) {
                        u.add(YearMonth.from(i.assessedOn()), i.amount(), window);
                    }
                }
            }
        }
        if (response.period() != null) {
            for (PeriodDetermination.BenefitPeriod b : response.period().benefits()) {
                boolean yearly = b.periodicity() == Periodicity.YEARLY;
                for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                    Units u = all.computeIfAbsent(b.benefit() + "|" + s.path(), k -> new Units(b.benefit(), b.periodicity(), s.path()));
                    for (Segment seg : s.segments()) {
                        if (!seg.eligible()) {
                            continue;
                        }
                        for (YearMonth m = seg.from(); !m.isAfter(seg.to()); m = m.plusMonths(yearly ? 12 : 1)) {
                            u.add(m, seg.amount(), window);
                        }
                    }
                }
            }
        }
        return all;
    }
}
