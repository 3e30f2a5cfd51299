package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Reason;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Standing entitlements to recurring benefits (issue 10): a payment run determines, for each active
 * one, the months come due since it was last determined, under the rules in force for each month
 * as known at the run, seals that determination ({@link SealedDeterminations#SCOPE_PAYMENT}) and
 * schedules what it pays, in the run's transaction. What a reviewer approved stays the frame: the
 * run evaluates only the entitlement's benefit and subject, from its first month. Each month is
 * determined once: the entitlement's row records the last month determined, and is advanced only
 * from the value this run read (a second run at once waits for the row, then finds it moved on);
 * a person is paid a benefit for a month at most once across all claims ({@code benefit_grant}).
 */
@Service
@Transactional
public class RecurringEntitlements {

    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";
    /** Standing entitlements read at a time. */
    private static final int PAGE = 500;

    private final PaymentMapper mapper;
    private final SealedDeterminations determinations;
    private final Entitlements entitlements;
    private final PersonKeys keys;
    private final AuditLog audit;
    private final Households households;
    private final Clock clock;

    public RecurringEntitlements(PaymentMapper mapper, SealedDeterminations determinations, Entitlements entitlements, PersonKeys keys,
                                 AuditLog audit, Households households, Clock clock) {
        this.mapper = mapper;
        this.determinations = determinations;
        this.entitlements = entitlements;
        this.keys = keys;
        this.audit = audit;
        this.households = households;
        this.clock = clock;
    }

    /** What a run determined: standing entitlements determined, payments scheduled, entitlements closed. */
    public record Determined(int entitlements, int payments, int closed) {
    }

    /** Determines every active standing entitlement's months come due by {@code month}. */
    public Determined determineDue(YearMonth month) {
        int determined = 0;
        int payments = 0;
        int closed = 0;
        LocalDate asOf = LocalDate.now(clock);
        long after = 0;
        for (List<RecurringEntitlementRow> page = mapper.findRecurringDue(month.toString(), after, PAGE); !page.isEmpty();
             page = mapper.findRecurringDue(month.toString(), after, PAGE)) {
            for (RecurringEntitlementRow e : page) {
                after = e.getId();
                Outcome o = determine(e, month, asOf);
                if (o != null) {
                    determined++;
                    payments += o.payments();
                    closed += o.closed() ? 1 : 0;
                }
            }
        }
        return new Determined(determined, payments, closed);
    }

    private record Outcome(int payments, boolean closed) {
    }

    /** One standing entitlement's months from the one after those determined through {@code month}; null if another run took them. */
    private Outcome determine(RecurringEntitlementRow e, YearMonth month, LocalDate asOf) {
        YearMonth from = YearMonth.parse(e.getDeterminedThrough()).plusMonths(1);
        YearMonth start = YearMonth.parse(e.getStartPeriod());
        if (from.isBefore(start)) {
            from = start;
        }
        YearMonth to = e.getUntilPeriod() != null && YearMonth.parse(e.getUntilPeriod()).isBefore(month) ? YearMonth.parse(e.getUntilPeriod())
                : month;
        // first, and in this transaction: these months are this run's (a run at once waits here, then finds 0)
        if (mapper.advanceRecurring(e.getId(), e.getDeterminedThrough(), to.toString(), clock.instant()) != 1) {
            return null;
        }
        if (to.isBefore(from)) {
            return new Outcome(0, false);
        }
        Household household = households.current(e.getClaimId());
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        // what other claims hold for these persons in these months is not paid again
        List<String> persons = HeldGrants.persons(e.getSubjectPath(), applicantKey, spouseKey).stream().filter(Objects::nonNull).toList();
        List<HeldGrants.Held> held = persons.isEmpty() ? List.of() : mapper.findHeld(persons, List.of(e.getBenefit()), e.getClaimId(),
                from.toString(), to.toString(), Integer.toString(from.getYear()), Integer.toString(to.getYear()));
        SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(SealedDeterminations.SCOPE_PAYMENT, e.getClaimId(), household,
                asOf, from, to, List.of(e.getBenefit()), new SystemRecords(held, List.of()));
        Entitlements.Granted granted = entitlements.grant(Entitlements.Grant.ofRun(e, sealed.row().getId(), sealed.response(),
                applicantKey, spouseKey));
        String versions = versions(sealed, e);
        audit.claim(e.getClaimId(), AuditLog.SYSTEM, "PAYMENT_DETERMINED", e.getBenefit() + " " + e.getSubjectLabel() + " " + from + " to "
                        + to + ": " + granted.paymentsScheduled() + " payment(s), " + granted.amountScheduled() + " yuan under " + versions
                        + " (determination " + sealed.row().getId() + ")",
                List.of(e.getBenefit(), from.toString(), to.toString(), Integer.toString(granted.paymentsScheduled()),
                        granted.amountScheduled().toPlainString(), versions));
        // the conditions no longer hold in the last month determined: the entitlement ends, with the rules' reason
        Segment last = lastSegment(sealed.response(), e);
        // (not when another claim holds the month: that one pays it, and this one goes on)
        if (last != null && !last.eligible() && last.reasons().stream().noneMatch(r -> HeldGrants.HELD.equals(r.code()))) {
            String reason = last.reasons().stream().filter(r -> !r.met()).map(Reason::zh).filter(Objects::nonNull)
                    .collect(Collectors.joining("；"));
            YearMonth lastPaid = eligibleThrough(sealed.response(), e);
            String end = lastPaid != null ? lastPaid.toString() : e.getDeterminedThrough();
            mapper.closeRecurring(e.getId(), end, reason.isEmpty() ? "不再符合条件" : cut(reason), clock.instant());
            audit.claim(e.getClaimId(), AuditLog.SYSTEM, "ENTITLEMENT_ENDED", e.getBenefit() + " " + e.getSubjectLabel() + " ends after "
                    + end + ": " + reason, List.of(e.getBenefit(), end, reason));
            return new Outcome(granted.paymentsScheduled(), true);
        }
        return new Outcome(granted.paymentsScheduled(), false);
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static PeriodDetermination.SubjectPeriod subject(SealedDeterminations.Sealed sealed, RecurringEntitlementRow e) {
        PeriodDetermination period = sealed.response().period();
        if (period == null) {
            return null;
        }
        return period.benefit(e.getBenefit()).flatMap(b -> b.subjects().stream()
                .filter(s -> e.getSubjectPath().equals(s.path() == null ? "$" : s.path())).findFirst()).orElse(null);
    }

    private static Segment lastSegment(cn.huiyisheng.app.evaluation.EvaluationResponse response, RecurringEntitlementRow e) {
        PeriodDetermination.SubjectPeriod s = subject(new SealedDeterminations.Sealed(null, response), e);
        return s == null || s.segments().isEmpty() ? null : s.segments().get(s.segments().size() - 1);
    }

    private static YearMonth eligibleThrough(cn.huiyisheng.app.evaluation.EvaluationResponse response, RecurringEntitlementRow e) {
        PeriodDetermination.SubjectPeriod s = subject(new SealedDeterminations.Sealed(null, response), e);
        return s == null ? null : s.segments().stream().filter(Segment::eligible).map(Segment::to).reduce((a, b) -> b).orElse(null);
    }

    /** The versions the months were determined under, e.g. "SPECIAL_SUPPORT-v3". */
    private static String versions(SealedDeterminations.Sealed sealed, RecurringEntitlementRow e) {
        PeriodDetermination.SubjectPeriod s = subject(sealed, e);
        if (s == null) {
            return "-";
        }
        String v = s.segments().stream().filter(seg -> seg.version() != null).map(seg -> seg.version().id()).distinct()
                .collect(Collectors.joining(","));
        return v.isEmpty() ? "-" : v;
    }

    public List<RecurringEntitlementRow> ofClaim(long claimId) {
        return mapper.findRecurringOfClaim(claimId);
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }
}
