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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Determines the months come due by {@code month} of the active standing entitlements with ids
     * from {@code fromId} to {@code toId} (a chunk of a run): one sealed determination per claim, of
     * all its benefits due.
     */
    public Determined determineRange(YearMonth month, long fromId, long toId) {
        LocalDate asOf = LocalDate.now(clock);
        Map<Long, List<RecurringEntitlementRow>> byClaim = new LinkedHashMap<>();
        for (RecurringEntitlementRow e : mapper.findRecurringDueBetween(month.toString(), fromId, toId)) {
            byClaim.computeIfAbsent(e.getClaimId(), k -> new ArrayList<>()).add(e);
        }
        if (byClaim.isEmpty()) {
            return new Determined(0, 0, 0);
        }
        // the chunk's facts and the grants its persons hold, each in one statement
        Map<Long, Household> facts = new java.util.HashMap<>();
        for (PaymentMapper.ClaimFacts f : mapper.currentFactsOf(new ArrayList<>(byClaim.keySet()))) {
            if (f.facts() != null) {
                facts.put(f.claimId(), households.read(f.facts()));
            }
        }
        Map<String, List<PaymentMapper.HeldRow>> heldByPerson = heldOf(byClaim, facts, month);
        int determined = 0;
        int payments = 0;
        int closed = 0;
        for (Map.Entry<Long, List<RecurringEntitlementRow>> c : byClaim.entrySet()) {
            Household household = facts.get(c.getKey());
            if (household == null) {
                throw new IllegalStateException("claim " + c.getKey() + " has no determination");
            }
            Outcome o = determineClaim(c.getKey(), c.getValue(), household, heldByPerson, month, asOf);
            determined += o.entitlements();
            payments += o.payments();
            closed += o.closed();
        }
        return new Determined(determined, payments, closed);
    }

    /** The grants held by the chunk's persons for its benefits, by person (from the earliest month any of them may be due). */
    private Map<String, List<PaymentMapper.HeldRow>> heldOf(Map<Long, List<RecurringEntitlementRow>> byClaim, Map<Long, Household> facts,
                                                           YearMonth month) {
        java.util.Set<String> persons = new java.util.LinkedHashSet<>();
        java.util.Set<String> benefits = new java.util.TreeSet<>();
        YearMonth from = month;
        for (Map.Entry<Long, List<RecurringEntitlementRow>> c : byClaim.entrySet()) {
            Household h = facts.get(c.getKey());
            if (h != null) {
                persons.addAll(HeldGrants.persons("$", keyOf(h.applicant()), keyOf(h.spouse())));
            }
            for (RecurringEntitlementRow e : c.getValue()) {
                benefits.add(e.getBenefit());
                YearMonth next = YearMonth.parse(e.getDeterminedThrough()).plusMonths(1);
                YearMonth start = YearMonth.parse(e.getStartPeriod());
                YearMonth f = next.isBefore(start) ? start : next;
                from = f.isBefore(from) ? f : from;
            }
        }
        Map<String, List<PaymentMapper.HeldRow>> byPerson = new java.util.HashMap<>();
        if (persons.isEmpty()) {
            return byPerson;
        }
        for (PaymentMapper.HeldRow r : mapper.heldOf(new ArrayList<>(persons), new ArrayList<>(benefits), from.toString(),
                month.toString(), Integer.toString(from.getYear()), Integer.toString(month.getYear()))) {
            byPerson.computeIfAbsent(r.personKey(), k -> new ArrayList<>()).add(r);
        }
        return byPerson;
    }

    private record Outcome(int entitlements, int payments, int closed) {
    }

    /** One standing entitlement's months to determine now: from the month after those determined, to the run's (or its last). */
    private record Due(RecurringEntitlementRow e, YearMonth from, YearMonth to) {
    }

    /** A claim's standing entitlements come due: advanced first (skipping any another run took), then one sealed determination. */
    private Outcome determineClaim(long claimId, List<RecurringEntitlementRow> rows, Household household,
                                   Map<String, List<PaymentMapper.HeldRow>> heldByPerson, YearMonth month, LocalDate asOf) {
        List<Due> due = new ArrayList<>();
        for (RecurringEntitlementRow e : rows) {
            YearMonth from = YearMonth.parse(e.getDeterminedThrough()).plusMonths(1);
            YearMonth start = YearMonth.parse(e.getStartPeriod());
            if (from.isBefore(start)) {
                from = start;
            }
            YearMonth to = e.getUntilPeriod() != null && YearMonth.parse(e.getUntilPeriod()).isBefore(month)
                    ? YearMonth.parse(e.getUntilPeriod()) : month;
            due.add(new Due(e, from, to));
        }
        // in this transaction, first: these months are this run's (a run at once waits here, then finds them moved on);
        // the household's entitlements determined through the same month in one statement, or one by one
        boolean same = due.stream().map(d -> d.e().getDeterminedThrough() + "|" + d.to()).distinct().count() == 1;
        if (same && due.size() > 1) {
            if (mapper.advanceRecurringAll(due.stream().map(d -> d.e().getId()).toList(), due.get(0).e().getDeterminedThrough(),
                    due.get(0).to().toString(), clock.instant()) != due.size()) {
                // another run moved some of them on meanwhile: this chunk is rolled back and tried again
                throw new IllegalStateException("claim " + claimId + ": its standing entitlements were determined by another run meanwhile");
            }
        } else {
            due.removeIf(d -> mapper.advanceRecurring(d.e().getId(), d.e().getDeterminedThrough(), d.to().toString(), clock.instant()) != 1);
        }
        due.removeIf(d -> d.to().isBefore(d.from()));
        if (due.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        YearMonth from = due.stream().map(Due::from).min(YearMonth::compareTo).orElseThrow();
        YearMonth to = due.stream().map(Due::to).max(YearMonth::compareTo).orElseThrow();
        List<String> benefits = due.stream().map(d -> d.e().getBenefit()).distinct().toList();
        // what other claims hold for these persons in these months is not paid again (read for the whole chunk)
        List<HeldGrants.Held> held = new ArrayList<>();
        for (String person : HeldGrants.persons("$", applicantKey, spouseKey)) {
            for (PaymentMapper.HeldRow r : heldByPerson.getOrDefault(person, List.of())) {
                if (r.claimId() != claimId && benefits.contains(r.benefit()) && within(r.period(), from, to)) {
                    held.add(new HeldGrants.Held(r.benefit(), r.personKey(), r.period(), r.claimReference()));
                }
            }
        }
        held.sort(java.util.Comparator.comparing(HeldGrants.Held::benefit).thenComparing(HeldGrants.Held::personKey)
                .thenComparing(HeldGrants.Held::period));
        SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(SealedDeterminations.SCOPE_PAYMENT, claimId, household,
                asOf, from, to, benefits, new SystemRecords(held, List.of()));
        // what a reviewer approved stays the frame: a stop, or a change beyond the ratio that no new version
        // brings, is held for a reviewer (its months wait) instead of being paid or ended silently
        List<Due> go = new ArrayList<>();
        int heldForReview = 0;
        for (Due d : due) {
            Hold hold = holdReason(sealed.response(), d);
            if (hold == null) {
                go.add(d);
                continue;
            }
            // the months before the change are paid as determined; the entitlement waits from the change on
            String through = d.e().getDeterminedThrough();
            if (hold.from().isAfter(d.from())) {
                go.add(new Due(d.e(), d.from(), hold.from().minusMonths(1)));
                through = hold.from().minusMonths(1).toString();
            }
            mapper.holdRecurring(d.e().getId(), through, cut(hold.zh()), cut(hold.en()), clock.instant());
            audit.claim(claimId, AuditLog.SYSTEM, "HELD_FOR_REVIEW", d.e().getBenefit() + " " + d.e().getSubjectLabel() + " held for a"
                    + " reviewer from " + hold.from() + ": " + hold.en(), List.of(d.e().getBenefit(), d.e().getSubjectLabel(), hold.from().toString(),
                    cut(hold.zh()), cut(hold.en())));
            heldForReview++;
        }
        // one grant for all of them: three statements whatever their number
        Entitlements.Granted granted = go.isEmpty() ? null : entitlements.grant(Entitlements.Grant.ofRun(claimId, sealed.row().getId(),
                sealed.response(), applicantKey, spouseKey, go.stream().map(d -> new Entitlements.Window(d.e(), d.from(), d.to())).toList()));
        int payments = granted == null ? 0 : granted.paymentsScheduled();
        BigDecimal amount = granted == null ? BigDecimal.ZERO.setScale(2) : granted.amountScheduled();
        int closed = 0;
        for (Due d : go) {
            RecurringEntitlementRow e = d.e();
            Segment paidLast = lastEligible(sealed.response(), d);
            if (paidLast != null && (e.getAcceptedAmount() == null || paidLast.amount().compareTo(e.getAcceptedAmount()) != 0
                    || !Objects.equals(versionOf(paidLast), e.getAcceptedVersion()))) {
                mapper.setAcceptedAmount(e.getId(), paidLast.amount(), versionOf(paidLast));
            }
            // the conditions no longer hold in the last month determined: the entitlement ends, with the rules' reason
            // (not when another claim holds the month: that one pays it, and this one goes on)
            PeriodDetermination.SubjectPeriod s = subject(sealed.response(), e);
            Segment last = s == null ? null : s.segments().stream().filter(seg -> !seg.from().isAfter(d.to()) && !seg.to().isBefore(d.to()))
                    .findFirst().orElse(null);
            if (last != null && !last.eligible() && last.reasons().stream().noneMatch(r -> HeldGrants.HELD.equals(r.code()))) {
                String reason = last.reasons().stream().filter(r -> !r.met()).map(Reason::zh).filter(Objects::nonNull)
                        .collect(Collectors.joining("；"));
                String reasonEn = last.reasons().stream().filter(r -> !r.met()).map(Reason::en).filter(Objects::nonNull)
                        .collect(Collectors.joining("; "));
                YearMonth lastPaid = s.segments().stream().filter(Segment::eligible).map(Segment::to).filter(m -> !m.isAfter(d.to()))
                        .reduce((a, b) -> b).orElse(null);
                String end = lastPaid != null && !lastPaid.isBefore(d.from()) ? lastPaid.toString() : e.getDeterminedThrough();
                mapper.closeRecurring(e.getId(), end, reason.isEmpty() ? "不再符合条件" : cut(reason),
                        reasonEn.isEmpty() ? "No longer eligible" : cut(reasonEn), clock.instant());
                audit.claim(claimId, AuditLog.SYSTEM, "ENTITLEMENT_ENDED", e.getBenefit() + " " + e.getSubjectLabel() + " ends after "
                        + end + ": " + reasonEn, List.of(e.getBenefit(), end, cut(reason), cut(reasonEn)));
                closed++;
            }
        }
        String versions = versions(sealed.response(), benefits);
        audit.claim(claimId, AuditLog.SYSTEM, "PAYMENT_DETERMINED", String.join(",", benefits) + " " + from + " to " + to + ": "
                        + payments + " payment(s), " + amount + " yuan under " + versions + " (determination " + sealed.row().getId() + ")",
                List.of(String.join(",", benefits), from.toString(), to.toString(), Integer.toString(payments), amount.toPlainString(),
                        versions));
        return new Outcome(due.size() - heldForReview, payments, closed);
    }

    /** The change of a monthly amount beyond which a run holds an entitlement for a reviewer (0.5: ±50 %). */
    @org.springframework.beans.factory.annotation.Value("${huiyisheng.entitlements.review-ratio:0.5}")
    private BigDecimal reviewRatio = new BigDecimal("0.5");

    /**
     * Why a run must not pay or end these months by itself, or null: a stop (the conditions no longer
     * met, other than an age limit reached, which ends the entitlement by itself, or a month another
     * claim holds), or a monthly amount changed beyond the ratio from the one last paid or accepted
     * under the same version (a new version's change was approved by two policy staff, its impact
     * measured).
     */
    /** Why a run holds an entitlement for a reviewer, in Chinese and in English. */
    record Hold(String zh, String en, YearMonth from) {
    }

    Hold holdReason(cn.huiyisheng.app.evaluation.EvaluationResponse response, Due d) {
        PeriodDetermination.SubjectPeriod s = subject(response, d.e());
        if (s == null) {
            return null;
        }
        for (Segment seg : s.segments()) {
            if (seg.to().isBefore(d.from()) || seg.from().isAfter(d.to())) {
                continue;
            }
            if (!seg.eligible()) {
                List<Reason> failed = seg.reasons().stream().filter(r -> !r.met()).toList();
                boolean natural = failed.stream().anyMatch(r -> HeldGrants.HELD.equals(r.code()))
                        || !failed.isEmpty() && failed.stream().allMatch(r -> r.code() != null && r.code().toLowerCase(java.util.Locale.ROOT)
                        .contains("age"));
                if (!natural) {
                    YearMonth since = seg.from().isBefore(d.from()) ? d.from() : seg.from();
                    return new Hold("不再符合条件（" + since + "起）：" + failed.stream().map(Reason::zh).filter(Objects::nonNull)
                            .collect(Collectors.joining("；")), "No longer eligible (from " + since + "): " + failed.stream()
                            .map(Reason::en).filter(Objects::nonNull).collect(Collectors.joining("; ")), since);
                }
                continue;
            }
            BigDecimal accepted = d.e().getAcceptedAmount();
            if (accepted != null && accepted.signum() > 0 && seg.amount() != null
                    && Objects.equals(versionOf(seg), d.e().getAcceptedVersion())
                    && seg.amount().subtract(accepted).abs().compareTo(accepted.multiply(reviewRatio)) > 0) {
                String ratio = reviewRatio.movePointRight(2).stripTrailingZeros().toPlainString();
                YearMonth since = seg.from().isBefore(d.from()) ? d.from() : seg.from();
                return new Hold("每月金额由" + accepted.toPlainString() + "元变为" + seg.amount().toPlainString() + "元（" + since
                        + "起，同一版本下变化超过±" + ratio + "%）", "Monthly amount changed from " + accepted.toPlainString() + " to "
                        + seg.amount().toPlainString() + " yuan (from " + since + ", beyond ±" + ratio + "% under the same version)", since);
            }
        }
        return null;
    }

    private static String versionOf(Segment seg) {
        return seg.version() == null ? null : seg.version().id();
    }

    private static Segment lastEligible(cn.huiyisheng.app.evaluation.EvaluationResponse response, Due d) {
        PeriodDetermination.SubjectPeriod s = subject(response, d.e());
        if (s == null) {
            return null;
        }
        Segment last = null;
        for (Segment seg : s.segments()) {
            if (seg.eligible() && seg.amount() != null && !seg.from().isAfter(d.to()) && !seg.to().isBefore(d.from())) {
                last = seg;
            }
        }
        return last;
    }

    /** Held standing entitlements, the reviewers' list: the longest waiting first. */
    public List<RecurringEntitlementRow> held() {
        return mapper.findRecurringByStatus("HELD");
    }

    /** A reviewer's decision on a held entitlement: it goes on (the next run pays what the rules say), or it ends. */
    public enum Decision { CONTINUE, END }

    public RecurringEntitlementRow decide(long id, Decision decision, String reason, cn.huiyisheng.app.identity.CurrentUser reviewer) {
        RecurringEntitlementRow e = mapper.findRecurring(id);
        if (e == null) {
            throw new cn.huiyisheng.app.web.ApiErrors.NotFound("no standing entitlement " + id);
        }
        if (!"HELD".equals(e.getStatus())) {
            throw new cn.huiyisheng.app.web.Conflict("NOT_HELD", "entitlement " + id + " is " + e.getStatus() + ", not held for a reviewer");
        }
        if (decision == null) {
            throw new cn.huiyisheng.app.web.BadInput("$.decision", "REQUIRED", "CONTINUE or END", "请选择继续发放或终止");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            throw new cn.huiyisheng.app.web.BadInput("$.reason", "REQUIRED", "the reason, at most 2,000 characters", "请填写理由（最多2000个字符）");
        }
        if (reviewer.personKey() != null && mapper.isPartyOfClaim(e.getClaimId(), reviewer.personKey())) {
            throw new cn.huiyisheng.app.web.Forbidden("CONFLICT_OF_INTEREST", reviewer.username()
                    + " is a member of this entitlement's household and cannot decide it");
        }
        java.time.Instant now = clock.instant();
        // once: a second reviewer deciding at the same moment finds it no longer held (the update matches nothing)
        int changed = decision == Decision.CONTINUE ? mapper.releaseRecurring(id, now)
                : mapper.closeHeldRecurring(id, e.getDeterminedThrough(), cut("审核终止：" + reason.strip()),
                cut("Ended by a reviewer: " + reason.strip()), now);
        if (changed != 1) {
            throw new cn.huiyisheng.app.web.Conflict("NOT_HELD", "entitlement " + id + " is no longer held for a reviewer");
        }
        audit.claim(e.getClaimId(), reviewer.username(), "HOLD_DECIDED_" + decision, e.getBenefit() + " " + e.getSubjectLabel() + ": "
                + reason.strip(), List.of(e.getBenefit(), e.getSubjectLabel(), decision.name(), reason.strip()));
        return mapper.findRecurring(id);
    }

    /** Whether a grant's period (a month, a year, a one-time event) is one the months from..to could be granted (as findHeld). */
    private static boolean within(String period, YearMonth from, YearMonth to) {
        if (period.startsWith("ONCE@") || period.startsWith("SERVICE@")) {
            return true;
        }
        if (period.length() == 4) {
            int year = Integer.parseInt(period);
            return year >= from.getYear() && year <= to.getYear();
        }
        YearMonth m = YearMonth.parse(period.substring(0, 7));
        return !m.isBefore(from) && !m.isAfter(to);
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static PeriodDetermination.SubjectPeriod subject(cn.huiyisheng.app.evaluation.EvaluationResponse response,
                                                             RecurringEntitlementRow e) {
        PeriodDetermination period = response.period();
        if (period == null) {
            return null;
        }
        return period.benefit(e.getBenefit()).flatMap(b -> b.subjects().stream()
                .filter(s -> e.getSubjectPath().equals(s.path() == null ? "$" : s.path())).findFirst()).orElse(null);
    }

    /** The versions the months were determined under, e.g. "SPECIAL_SUPPORT-v3". */
    private static String versions(cn.huiyisheng.app.evaluation.EvaluationResponse response, List<String> benefits) {
        if (response.period() == null) {
            return "-";
        }
        String v = response.period().benefits().stream().filter(b -> benefits.contains(b.benefit()))
                .flatMap(b -> b.subjects().stream()).flatMap(s -> s.segments().stream())
                .filter(seg -> seg.version() != null).map(seg -> seg.version().id()).distinct().sorted().collect(Collectors.joining(","));
        return v.isEmpty() ? "-" : v;
    }

    public List<RecurringEntitlementRow> ofClaim(long claimId) {
        return mapper.findRecurringOfClaim(claimId);
    }

    /**
     * A standing entitlement as a claim's page shows it: paid month after month by the runs while
     * ACTIVE; SUSPENDED (yearly confirmation overdue), HELD (a change waits for a reviewer) or CLOSED
     * (its last month and why).
     */
    public record Standing(String benefit, String subject, String status, String firstMonth, String determinedThrough,
                           String lastClaimedMonth, String endMonth, String endReason, LocalDate confirmationDue, String holdReason,
                           long id) {
    }

    public List<Standing> standingOfClaim(long claimId) {
        return ofClaim(claimId).stream().map(r -> new Standing(r.getBenefit(), r.getSubjectLabel(), r.getStatus(), r.getStartPeriod(),
                r.getDeterminedThrough(), r.getUntilPeriod(), r.getEndPeriod(), r.getEndReason(), r.getConfirmationDue(),
                r.getHoldReason(), r.getId())).toList();
    }

    /**
     * A standing entitlement as the reviewer's page shows it: its state, every month paid (or to be
     * paid) with the version that decided it, top-ups and overpayments, and the household's life events.
     * No name, ID number or account: the subject is the person's role in the claim.
     */
    public record Page(long id, long claimId, String claimReference, String benefit, String subject, String periodicity, String status,
                       String firstMonth, String determinedThrough, String lastClaimedMonth, String endMonth, String endReason,
                       String endReasonEn, String holdReason, String holdReasonEn, java.math.BigDecimal acceptedAmount, String acceptedVersion,
                       LocalDate confirmationDue, List<Month> months, java.math.BigDecimal paidTotal, List<Corrections.Adjustment> adjustments, List<Event> events) {
    }

    /** A month of a standing entitlement: amount, REGULAR or TOP_UP (with its correction), status, the version, the run. */
    public record Month(String period, java.math.BigDecimal amount, String kind, String status, String version, String correction,
                        Long runId, java.time.Instant paidAt, java.math.BigDecimal withheld) {
    }

    /** A life event of the household, as recorded. */
    public record Event(String kind, String subject, LocalDate date, String evidence, String recordedBy, java.time.Instant recordedAt) {
    }

    public java.util.Optional<Page> page(long id) {
        RecurringEntitlementRow r = mapper.findRecurringWithClaim(id);
        if (r == null) {
            return java.util.Optional.empty();
        }
        List<Month> months = mapper.monthsOfStanding(id).stream().map(m -> new Month(m.period(), m.amount(), m.kind(), m.status(),
                m.versionId(), m.correction(), m.runId(), m.paidAt(), m.withheld())).toList();
        java.math.BigDecimal paid = months.stream().filter(m -> "PAID".equals(m.status())).map(Month::amount)
                .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add);
        List<Corrections.Adjustment> adjustments = mapper.adjustmentsOfStanding(id).stream().map(Corrections.Adjustment::of).toList();
        List<Event> events = mapper.lifeEventsOfClaim(r.getClaimId()).stream().map(e -> new Event(e.getKind(), e.getSubject(),
                e.getEventDate(), e.getEvidence(), e.getRecordedBy(), e.getRecordedAt())).toList();
        return java.util.Optional.of(new Page(r.getId(), r.getClaimId(), r.getClaimReference(), r.getBenefit(), r.getSubjectLabel(),
                r.getPeriodicity(), r.getStatus(), r.getStartPeriod(), r.getDeterminedThrough(), r.getUntilPeriod(), r.getEndPeriod(),
                r.getEndReason(), r.getEndReasonEn(), r.getHoldReason(), r.getHoldReasonEn(), r.getAcceptedAmount(), r.getAcceptedVersion(),
                r.getConfirmationDue(), months, paid,
                adjustments, events));
    }

    /** A held entitlement in the reviewers' list. */
    public record HeldItem(long id, String claimReference, String benefit, String subject, java.math.BigDecimal acceptedAmount,
                           String acceptedVersion, String holdReason, String holdReasonEn, String waitingFrom, java.time.Instant since) {
    }

    /** The held entitlements with their claims, the longest waiting first (at most 500). */
    public List<HeldItem> heldItems() {
        return mapper.findHeldWithClaim().stream().map(r -> new HeldItem(r.getId(), r.getClaimReference(), r.getBenefit(),
                r.getSubjectLabel(), r.getAcceptedAmount(), r.getAcceptedVersion(), r.getHoldReason(), r.getHoldReasonEn(),
                YearMonth.parse(r.getDeterminedThrough()).plusMonths(1).toString(), r.getUpdatedAt())).toList();
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }
}
