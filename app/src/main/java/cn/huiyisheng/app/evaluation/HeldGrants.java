package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Reason;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The system's own record of what each person has been granted, applied to a claim's
 * determination: a month (or year, or one-time event) already granted to the same person for the
 * same benefit by another claim is not eligible again, and says which claim holds it
 * ("已由申请 HYS-… 领取 2014-01 至 2014-06"). The household's self-declared earlier benefits are
 * rules input; these records are what count for payment. A pure function of the engine's answer
 * and the records, so that a replay with the sealed records gives the same bytes.
 */
public final class HeldGrants {

    /** The reason code of a period held by another claim. */
    public static final String HELD = "HELD_BY_OTHER_CLAIM";

    /** A grant of a benefit to a person (by key) for a period, by a claim. */
    public record Held(String benefit, String personKey, String period, String claimReference) {
    }

    private HeldGrants() {
    }

    /** The grant period of a month or year of a recurring benefit. */
    public static String period(Periodicity periodicity, YearMonth month) {
        return periodicity == Periodicity.YEARLY ? Integer.toString(month.getYear()) : month.toString();
    }

    /** The grant period of a one-time benefit: its event, by date. */
    public static String once(LocalDate assessedOn) {
        return "ONCE@" + assessedOn;
    }

    /** The grant period of a free service: the calendar year (a service is granted at most once a year). */
    public static String service(LocalDate assessedOn) {
        return "SERVICE@" + assessedOn.getYear();
    }

    /** The grant period of an item of a one-time benefit or a service. */
    public static String item(Periodicity periodicity, LocalDate assessedOn) {
        return periodicity == Periodicity.SERVICE ? service(assessedOn) : once(assessedOn);
    }

    /**
     * The persons (keys) a subject's grant belongs to: the parent at that path, or both parents for
     * a household-level subject ({@code $}).
     */
    public static List<String> persons(String path, String applicantKey, String spouseKey) {
        List<String> keys = new ArrayList<>(2);
        boolean household = path == null || path.equals("$");
        if ((household || path.startsWith("$.applicant")) && applicantKey != null) {
            keys.add(applicantKey);
        }
        if ((household || path.startsWith("$.spouse")) && spouseKey != null) {
            keys.add(spouseKey);
        }
        return keys;
    }

    public static EvaluationResponse apply(EvaluationResponse response, List<Held> held, String applicantKey, String spouseKey) {
        if (held.isEmpty()) {
            return response;
        }
        Map<String, String> byKey = new HashMap<>();
        for (Held h : held) {
            byKey.putIfAbsent(h.benefit() + "|" + h.personKey() + "|" + h.period(), h.claimReference());
        }
        Determination d = response.determination();
        List<BenefitDetermination> benefits = new ArrayList<>();
        for (BenefitDetermination b : d.benefits()) {
            benefits.add(items(b, byKey, applicantKey, spouseKey));
        }
        PeriodDetermination p = response.period();
        PeriodDetermination period = p;
        if (p != null) {
            List<PeriodDetermination.BenefitPeriod> periods = new ArrayList<>();
            for (PeriodDetermination.BenefitPeriod b : p.benefits()) {
                periods.add(segments(b, byKey, applicantKey, spouseKey));
            }
            period = new PeriodDetermination(p.from(), p.to(), p.knownAt(), p.engineVersion(), periods);
        }
        return new EvaluationResponse(new Determination(d.asOf(), d.knownAt(), d.engineVersion(), benefits), period);
    }

    private static String holder(Map<String, String> byKey, String benefit, List<String> persons, String period) {
        for (String person : persons) {
            String claim = byKey.get(benefit + "|" + person + "|" + period);
            if (claim != null) {
                return claim;
            }
        }
        return null;
    }

    private static Reason heldReason(String claim, String from, String to) {
        String span = from.equals(to) ? from : from + " 至 " + to;
        String spanEn = from.equals(to) ? from : from + " to " + to;
        return new Reason(HELD, false, "已由申请 " + claim + " 领取 " + span, "already granted to claim " + claim + " for " + spanEn);
    }

    private static BenefitDetermination items(BenefitDetermination b, Map<String, String> byKey, String applicantKey, String spouseKey) {
        if (b.periodicity() != Periodicity.ONE_TIME && b.periodicity() != Periodicity.SERVICE) {
            return b;
        }
        boolean changed = false;
        List<ItemDetermination> items = new ArrayList<>();
        for (ItemDetermination i : b.items()) {
            String claim = i.eligible() && i.assessedOn() != null
                    ? holder(byKey, b.benefit(), persons(i.path(), applicantKey, spouseKey), item(b.periodicity(), i.assessedOn())) : null;
            if (claim == null) {
                items.add(i);
                continue;
            }
            changed = true;
            String when = b.periodicity() == Periodicity.SERVICE ? Integer.toString(i.assessedOn().getYear()) : i.assessedOn().toString();
            items.add(new ItemDetermination(i.subject(), i.path(), i.assessedOn(), false, null, i.payer(), i.version(), i.rows(),
                    List.of(heldReason(claim, when, when)), i.warnings()));
        }
        if (!changed) {
            return b;
        }
        boolean eligible = items.stream().anyMatch(ItemDetermination::eligible);
        BigDecimal amount = b.amount() == null ? null : items.stream().filter(ItemDetermination::eligible).map(ItemDetermination::amount)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new BenefitDetermination(b.benefit(), b.zh(), b.en(), b.periodicity(), eligible, amount, items, b.reasons());
    }

    private static PeriodDetermination.BenefitPeriod segments(PeriodDetermination.BenefitPeriod b, Map<String, String> byKey,
                                                              String applicantKey, String spouseKey) {
        boolean yearly = b.periodicity() == Periodicity.YEARLY;
        List<PeriodDetermination.SubjectPeriod> subjects = new ArrayList<>();
        boolean changed = false;
        for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
            List<String> persons = persons(s.path(), applicantKey, spouseKey);
            List<Segment> segments = new ArrayList<>();
            boolean subjectChanged = false;
            for (Segment seg : s.segments()) {
                if (!seg.eligible()) {
                    segments.add(seg);
                    continue;
                }
                // the units of the segment, each with the claim that holds it (or null), in runs
                List<YearMonth> units = new ArrayList<>();
                for (YearMonth m = seg.from(); !m.isAfter(seg.to()); m = m.plusMonths(yearly ? 12 : 1)) {
                    units.add(m);
                }
                List<String> holders = units.stream().map(m -> holder(byKey, b.benefit(), persons, period(b.periodicity(), m))).toList();
                if (holders.stream().allMatch(Objects::isNull)) {
                    segments.add(seg);
                    continue;
                }
                subjectChanged = true;
                int start = 0;
                for (int i = 1; i <= units.size(); i++) {
                    if (i < units.size() && Objects.equals(holders.get(i), holders.get(start))) {
                        continue;
                    }
                    YearMonth from = units.get(start);
                    YearMonth last = units.get(i - 1);
                    YearMonth to = yearly ? YearMonth.of(last.getYear(), 12) : last;
                    int count = i - start;
                    String claim = holders.get(start);
                    if (claim == null) {
                        BigDecimal total = seg.amount() == null ? null : seg.amount().multiply(BigDecimal.valueOf(count));
                        segments.add(new Segment(from, to, count, true, seg.amount(), total, seg.payer(), seg.version(), seg.rows(),
                                seg.reasons()));
                    } else {
                        segments.add(new Segment(from, to, count, false, null, null, seg.payer(), seg.version(), seg.rows(),
                                List.of(heldReason(claim, period(b.periodicity(), from), period(b.periodicity(), last)))));
                    }
                    start = i;
                }
            }
            if (!subjectChanged) {
                subjects.add(s);
                continue;
            }
            changed = true;
            BigDecimal total = s.total() == null ? null : segments.stream().map(Segment::total).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            subjects.add(new PeriodDetermination.SubjectPeriod(s.subject(), s.path(), segments, total));
        }
        if (!changed) {
            return b;
        }
        BigDecimal total = b.total() == null ? null : subjects.stream().map(PeriodDetermination.SubjectPeriod::total)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new PeriodDetermination.BenefitPeriod(b.benefit(), b.zh(), b.en(), b.periodicity(), subjects, total);
    }
}
