package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entitlements over a span. Each month of a monthly benefit is assessed on its first day, each
 * year of a yearly benefit on 1 January (a span covers the years whose 1 January falls in it).
 * So an age reached during a month counts from the next month (or, reached on the 1st, from that
 * month), and a version whose period starts mid-month applies from the next month. Consecutive
 * units with the same outcome, version and row form one segment: a segment ends at every version
 * change and at every birthday or status change that changes the outcome.
 */
public final class PeriodEvaluator {

    /** A bound on one request: 50 years of months. */
    public static final int MAX_MONTHS = 600;

    private final Engine engine;
    private final boolean everyMonth;

    public PeriodEvaluator(Engine engine) {
        this(engine, false);
    }

    /**
     * With {@code everyMonth}, every month is evaluated on its own, as the reference the months
     * carried over are checked against (PeriodEvaluatorCarryTest); otherwise a month is evaluated
     * only where its determination may differ from the month before.
     */
    PeriodEvaluator(Engine engine, boolean everyMonth) {
        this.engine = engine;
        this.everyMonth = everyMonth;
    }

    public PeriodDetermination evaluate(Household household, YearMonth from, YearMonth to, Instant knownAt, Set<TableCode> codes) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.until(to, java.time.temporal.ChronoUnit.MONTHS) >= MAX_MONTHS) {
            throw new IllegalArgumentException("a period may span at most " + MAX_MONTHS + " months");
        }
        Set<TableCode> monthly = EnumSet.noneOf(TableCode.class);
        Set<TableCode> yearly = EnumSet.noneOf(TableCode.class);
        for (TableCode code : codes) {
            if (code.periodicity() == Periodicity.MONTHLY) {
                monthly.add(code);
            } else if (code.periodicity() == Periodicity.YEARLY) {
                yearly.add(code);
            }
        }
        Map<String, Map<String, Builder>> builders = new LinkedHashMap<>();
        if (!monthly.isEmpty()) {
            YearMonth m = from;
            while (!m.isAfter(to)) {
                if (everyMonth) {
                    collect(builders, engine.evaluate(household, m.atDay(1), knownAt, monthly), m);
                    m = m.plusMonths(1);
                    continue;
                }
                // the months before the determination may change are decided alike: evaluated once
                Engine.Lasting lasting = engine.evaluateLasting(household, m.atDay(1), knownAt, monthly);
                do {
                    collect(builders, lasting.determination(), m);
                    m = m.plusMonths(1);
                } while (!m.isAfter(to) && (lasting.until() == null || m.atDay(1).isBefore(lasting.until())));
            }
        }
        if (!yearly.isEmpty()) {
            int firstYear = from.getMonthValue() == 1 ? from.getYear() : from.getYear() + 1;
            for (int y = firstYear; y <= to.getYear(); y++) {
                collect(builders, engine.evaluate(household, LocalDate.of(y, 1, 1), knownAt, yearly), YearMonth.of(y, 1));
            }
        }
        List<PeriodDetermination.BenefitPeriod> benefits = new ArrayList<>();
        for (TableCode code : codes) {
            Map<String, Builder> bySubject = builders.get(code.name());
            if (bySubject == null) {
                continue;
            }
            List<PeriodDetermination.SubjectPeriod> subjects = bySubject.values().stream().map(Builder::build).toList();
            BigDecimal total = code.isService() ? null : subjects.stream().map(PeriodDetermination.SubjectPeriod::total)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            benefits.add(new PeriodDetermination.BenefitPeriod(code.name(), code.zh(), code.en(), code.periodicity(), subjects, total));
        }
        return new PeriodDetermination(from, to, knownAt, Engine.VERSION, benefits);
    }

    private static void collect(Map<String, Map<String, Builder>> builders, Determination d, YearMonth unit) {
        for (BenefitDetermination b : d.benefits()) {
            Map<String, Builder> bySubject = builders.computeIfAbsent(b.benefit(), k -> new LinkedHashMap<>());
            boolean yearly = b.periodicity() == Periodicity.YEARLY;
            for (ItemDetermination item : b.items()) {
                bySubject.computeIfAbsent(item.path(), p -> new Builder(item.subject(), item.path(), yearly)).add(unit, item);
            }
        }
    }

    private static final class Builder {
        private final String subject;
        private final String path;
        private final boolean yearly;
        private final List<Segment> segments = new ArrayList<>();
        private ItemDetermination current;
        private YearMonth start;
        private YearMonth last;
        private int units;

        Builder(String subject, String path, boolean yearly) {
            this.subject = subject;
            this.path = path;
            this.yearly = yearly;
        }

        void add(YearMonth unit, ItemDetermination item) {
            if (current != null && same(current, item)) {
                last = unit;
                units++;
                return;
            }
            close();
            current = item;
            start = unit;
            last = unit;
            units = 1;
        }

        private void close() {
            if (current == null) {
                return;
            }
            BigDecimal total = current.eligible() && current.amount() != null
                    ? current.amount().multiply(BigDecimal.valueOf(units)) : null;
            YearMonth end = yearly ? YearMonth.of(last.getYear(), 12) : last;
            segments.add(new Segment(start, end, units, current.eligible(), current.eligible() ? current.amount() : null,
                    total, current.payer(), current.version(), current.rows(), current.reasons()));
        }

        PeriodDetermination.SubjectPeriod build() {
            close();
            current = null;
            BigDecimal total = segments.stream().map(Segment::total).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            return new PeriodDetermination.SubjectPeriod(subject, path, segments, total);
        }

        private static boolean same(ItemDetermination a, ItemDetermination b) {
            return a.eligible() == b.eligible()
                    && Objects.equals(a.amount(), b.amount())
                    && a.payer() == b.payer()
                    && Objects.equals(a.version() == null ? null : a.version().id(), b.version() == null ? null : b.version().id())
                    && a.rows().equals(b.rows())
                    && (a.eligible() || a.reasons() == b.reasons() || sameCodes(a.reasons(), b.reasons()));
        }

        /** The same reason codes in the same order (an outcome seen before hands out the very same list: compared above by identity). */
        private static boolean sameCodes(List<Reason> a, List<Reason> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).code().equals(b.get(i).code())) {
                    return false;
                }
            }
            return true;
        }
    }
}
