package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.payments.persistence.AdjustmentRow;
import cn.huiyisheng.app.payments.persistence.EntitlementRow;
import cn.huiyisheng.app.payments.persistence.PaidMonth;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Corrections (issue 10 §3): a version published for a past period changes what months already
 * paid were due. The first run that knows such a version determines each month of its benefit paid
 * from its effective month on, under a determination made before it was known, again under the
 * rules as known now (sealed, {@link SealedDeterminations#SCOPE_PAYMENT}), and records the
 * difference once per person, benefit, month and correction ({@code payment_adjustment}): a top-up
 * (补发), paid by this run as its own line naming the correction, or an overpayment (多发), left to a
 * reviewer, never clawed back by itself. A version is checked once ({@code policy_correction}), in
 * the run's transaction: a rerun, a crash or a second run at once checks it once.
 */
@Service
@Transactional
public class Corrections {

    public static final String TOP_UP = "TOP_UP";
    public static final String OVERPAYMENT = "OVERPAYMENT";

    private final PaymentMapper mapper;
    private final PolicyCatalog catalog;
    private final SealedDeterminations determinations;
    private final PersonKeys keys;
    private final AuditLog audit;
    private final Households households;
    private final Clock clock;

    private final cn.huiyisheng.app.payments.persistence.GrantRows grantRows;

    public Corrections(PaymentMapper mapper, PolicyCatalog catalog, SealedDeterminations determinations, PersonKeys keys, AuditLog audit,
                       Households households, Clock clock, cn.huiyisheng.app.payments.persistence.GrantRows grantRows) {
        this.grantRows = grantRows;
        this.mapper = mapper;
        this.catalog = catalog;
        this.determinations = determinations;
        this.keys = keys;
        this.audit = audit;
        this.households = households;
        this.clock = clock;
    }

    /** What a run's check found: versions checked, top-ups scheduled (and their sum), overpayments recorded (and theirs). */
    public record Checked(int versions, int topUps, BigDecimal topUpTotal, int overpayments, BigDecimal overpaidTotal) {
    }

    /**
     * Checks every version of a monthly benefit known now and in force by {@code runMonth} that no
     * run has checked yet; a version valid from a later month waits for the run of that month.
     */
    public Checked check(YearMonth runMonth) {
        Instant now = clock.instant();
        Set<String> checked = new HashSet<>(mapper.checkedCorrections());
        int versions = 0;
        int topUps = 0;
        int overpayments = 0;
        BigDecimal up = BigDecimal.ZERO.setScale(2);
        BigDecimal over = BigDecimal.ZERO.setScale(2);
        for (PolicyTable v : catalog.catalog().all()) {
            if (checked.contains(v.id()) || !v.knownAt(now) || v.code().periodicity() != Periodicity.MONTHLY
                    || YearMonth.from(v.validFrom()).isAfter(runMonth)) {
                continue;
            }
            mapper.insertCorrectionCheck(v.id(), now, runMonth.toString());
            versions++;
            int count = 0;
            Map<Long, List<PaidMonth>> byClaim = new LinkedHashMap<>();
            for (PaidMonth m : mapper.paidBefore(v.code().name(), YearMonth.from(v.validFrom()).toString(), v.publishedAt())) {
                byClaim.computeIfAbsent(m.claimId(), k -> new ArrayList<>()).add(m);
            }
            for (Map.Entry<Long, List<PaidMonth>> e : byClaim.entrySet()) {
                List<AdjustmentRow> made = adjust(v.id(), e.getKey(), households.current(e.getKey()), e.getValue(), runMonth);
                if (!made.isEmpty()) {
                    recordOnClaim(e.getKey(), v.id() + " (valid from " + v.validFrom() + ", published " + v.publishedAt() + ")", made);
                }
                for (AdjustmentRow a : made) {
                    count++;
                    if (a.getKind().equals(TOP_UP)) {
                        topUps++;
                        up = up.add(a.getDifference());
                    } else {
                        overpayments++;
                        over = over.add(a.getDifference().negate());
                    }
                }
            }
            mapper.setCorrectionAdjustments(v.id(), count);
        }
        return new Checked(versions, topUps, up, overpayments, over);
    }

    /**
     * A claim's months paid (each of one benefit and subject) determined again on these household
     * facts under the rules as known now, one sealed determination per benefit; each difference
     * recorded once for {@code cause} (a correction's version, or a life event): a top-up paid in the
     * run of {@code runMonth}, or an overpayment for a reviewer.
     */
    List<AdjustmentRow> adjust(String cause, long claimId, Household household, List<PaidMonth> paid, YearMonth runMonth) {
        return adjust(cause, null, claimId, household, paid, runMonth);
    }

    /**
     * As {@link #adjust(String, long, Household, List, YearMonth)}, for a life event (named, or null
     * for a correction): a month not paid yet (scheduled, or failed and due again) that is no longer
     * due at all is cancelled rather than paid and then recorded as overpaid.
     */
    List<AdjustmentRow> adjust(String cause, Long lifeEventId, long claimId, Household household, List<PaidMonth> paid,
                               YearMonth runMonth) {
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        Map<String, List<PaidMonth>> byBenefit = new LinkedHashMap<>();
        paid.forEach(m -> byBenefit.computeIfAbsent(m.benefit(), b -> new ArrayList<>()).add(m));
        Instant now = clock.instant();
        List<AdjustmentRow> made = new ArrayList<>();
        for (Map.Entry<String, List<PaidMonth>> entry : byBenefit.entrySet()) {
            String benefit = entry.getKey();
            List<PaidMonth> months = entry.getValue();
            YearMonth from = months.stream().map(m -> YearMonth.parse(m.period())).min(YearMonth::compareTo).orElseThrow();
            YearMonth to = months.stream().map(m -> YearMonth.parse(m.period())).max(YearMonth::compareTo).orElseThrow();
            List<String> persons = HeldGrants.persons("$", applicantKey, spouseKey);
            List<HeldGrants.Held> held = persons.isEmpty() ? List.of() : mapper.findHeld(persons, List.of(benefit), claimId,
                    from.toString(), to.toString(), Integer.toString(from.getYear()), Integer.toString(to.getYear()));
            SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(SealedDeterminations.SCOPE_PAYMENT, claimId, household,
                    LocalDate.now(clock), from, to, List.of(benefit), new SystemRecords(held, List.of()));
            PeriodDetermination.BenefitPeriod determined = sealed.response().period() == null ? null
                    : sealed.response().period().benefit(benefit).orElse(null);
            for (PaidMonth m : months) {
                Segment seg = segment(determined, m.subjectPath(), YearMonth.parse(m.period()));
                BigDecimal due = seg != null && seg.eligible() && seg.amount() != null ? seg.amount() : BigDecimal.ZERO.setScale(2);
                if (lifeEventId != null && due.signum() == 0 && notPaidYet(m) && mapper.cancelPayment(m.paymentId()) == 1) {
                    continue;
                }
                AdjustmentRow a = adjustment(cause, m, due, applicantKey, spouseKey, sealed.row().getId(), now);
                if (a == null) {
                    continue;
                }
                a.setLifeEventId(lifeEventId);
                if (a.getKind().equals(TOP_UP)) {
                    a.setTopUpPaymentId(topUp(cause, m, seg, a.getDifference(), sealed.row().getId(), runMonth, now));
                }
                mapper.insertAdjustment(a);
                made.add(a);
            }
        }
        return made;
    }

    /**
     * The difference between what a month is due now and what was paid for it (with earlier
     * adjustments), as a top-up or an overpayment of its person; null when there is none.
     */
    AdjustmentRow adjustment(String cause, PaidMonth m, BigDecimal due, String applicantKey, String spouseKey, long determinationId,
                             Instant now) {
        BigDecimal before = m.amount().add(m.adjusted());
        BigDecimal difference = due.subtract(before);
        if (difference.signum() == 0) {
            return null;
        }
        String person = HeldGrants.persons(m.subjectPath(), applicantKey, spouseKey).stream().filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("payment " + m.paymentId() + ": no person to record its adjustment for"));
        AdjustmentRow a = new AdjustmentRow();
        a.setClaimId(m.claimId());
        a.setPaymentId(m.paymentId());
        a.setPersonKey(person);
        a.setBenefit(m.benefit());
        a.setPeriod(m.period());
        a.setCause(cause);
        a.setAmountBefore(before);
        a.setAmountAfter(due);
        a.setDifference(difference);
        a.setDeterminationId(determinationId);
        a.setCreatedAt(now);
        a.setKind(difference.signum() > 0 ? TOP_UP : OVERPAYMENT);
        a.setStatus(difference.signum() > 0 ? "SCHEDULED" : "OPEN");
        return a;
    }

    static boolean notPaidYet(PaidMonth m) {
        return m.status().equals("SCHEDULED") || m.status().equals("FAILED");
    }

    /** The claim's timeline: what a correction or an event changed in months paid. */
    void recordOnClaim(long claimId, String what, List<AdjustmentRow> made) {
        BigDecimal ups = made.stream().filter(a -> a.getKind().equals(TOP_UP)).map(AdjustmentRow::getDifference)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal overs = made.stream().filter(a -> a.getKind().equals(OVERPAYMENT)).map(a -> a.getDifference().negate())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        long nUp = made.stream().filter(a -> a.getKind().equals(TOP_UP)).count();
        audit.claim(claimId, AuditLog.SYSTEM, "CORRECTED", what + " changes " + made.size() + " month(s) paid: " + nUp + " top-up(s) of "
                        + ups + " yuan, " + (made.size() - nUp) + " overpayment(s) of " + overs + " yuan for a reviewer (determination "
                        + made.get(0).getDeterminationId() + ")",
                List.of(made.get(0).getCause(), Long.toString(nUp), ups.toPlainString(), Long.toString(made.size() - nUp),
                        overs.toPlainString()));
    }

    /** The top-up of one month: a segment of its own (the correction's determination), and its payment, due now. */
    private long topUp(String cause, PaidMonth m, Segment seg, BigDecimal difference, long determinationId, YearMonth runMonth,
                       Instant now) {
        EntitlementRow e = new EntitlementRow();
        e.setClaimId(m.claimId());
        e.setDeterminationId(determinationId);
        e.setBenefit(m.benefit());
        e.setSubjectPath(m.subjectPath());
        e.setSubjectLabel(m.subjectLabel());
        e.setPeriodicity(Periodicity.MONTHLY.name());
        e.setPeriodFrom(m.period());
        e.setPeriodTo(m.period());
        e.setAmount(difference);
        e.setPayer(seg.payer() == null ? m.payer() : seg.payer().name());
        if (seg.version() != null) {
            e.setVersionId(seg.version().id());
            e.setVersionSha256(seg.version().sha256());
        }
        if (!seg.rows().isEmpty()) {
            e.setRowId(seg.rows().get(0).rowId());
        }
        e.setCreatedAt(now);
        e.setRecurringId(m.recurringId());
        grantRows.insertEntitlements(List.of(e));
        PaymentRow p = new PaymentRow();
        p.setEntitlementId(e.getId());
        p.setPeriod(m.period());
        p.setDueMonth(runMonth.toString());
        p.setAmount(difference);
        p.setPayer(e.getPayer());
        p.setStatus("SCHEDULED");
        p.setAttempts(0);
        p.setKind(TOP_UP);
        p.setCorrection(cause);
        grantRows.insertPayments(List.of(p));
        return p.getId();
    }

    private static Segment segment(PeriodDetermination.BenefitPeriod b, String path, YearMonth month) {
        if (b == null) {
            return null;
        }
        for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
            if (path.equals(s.path() == null ? "$" : s.path())) {
                for (Segment seg : s.segments()) {
                    if (!month.isBefore(seg.from()) && !month.isAfter(seg.to())) {
                        return seg;
                    }
                }
            }
        }
        return null;
    }

    public List<AdjustmentRow> ofClaim(long claimId) {
        return mapper.adjustmentsOfClaim(claimId);
    }

    /** A month paid that a correction or a life event changed, as a claim's page shows it: a top-up, or an overpayment. */
    public record Adjustment(String benefit, String period, String kind, BigDecimal before, BigDecimal after, BigDecimal difference,
                             String cause, String status, long id, long claimId, BigDecimal recovered) {

        /** The adjustment as recorded (person key left out: the claim and month say whose). */
        static Adjustment of(AdjustmentRow a) {
            return new Adjustment(a.getBenefit(), a.getPeriod(), a.getKind(), a.getAmountBefore(), a.getAmountAfter(), a.getDifference(),
                    a.getCause(), a.getStatus(), a.getId(), a.getClaimId(), a.getRecovered());
        }

        /** An overpayment being recovered: what is still to recover. */
        public BigDecimal outstanding() {
            return recovered == null ? difference.negate() : difference.negate().subtract(recovered);
        }
    }

    /** Open overpayments, the reviewers' list (person keys are never shown: the claim and month say whose). */
    public List<Adjustment> openOverpayments() {
        return mapper.openOverpayments().stream().map(Adjustment::of).toList();
    }

    /** An open overpayment in the reviewers' list: whose (claim, role), which month, how much, why; its standing entitlement if any. */
    public record OpenOverpayment(long id, String claimReference, String benefit, String subject, String period, BigDecimal before,
                                  BigDecimal after, BigDecimal difference, String cause, Long standingId, java.time.Instant since) {
    }

    public List<OpenOverpayment> openOverpaymentsForReview() {
        return mapper.openOverpaymentsWithClaim().stream().map(a -> new OpenOverpayment(a.getId(), a.getClaimReference(), a.getBenefit(),
                a.getSubjectLabel(), a.getPeriod(), a.getAmountBefore(), a.getAmountAfter(), a.getDifference(), a.getCause(),
                a.getStandingId(), a.getCreatedAt())).toList();
    }

    /** A reviewer's decision on an overpayment: waive it, or schedule its recovery (never both, never twice). */
    public enum Decision { WAIVE, RECOVER }

    public Adjustment decideOverpayment(long id, Decision decision, String reason, cn.huiyisheng.app.identity.CurrentUser reviewer) {
        AdjustmentRow a = mapper.findAdjustment(id);
        if (a == null || !OVERPAYMENT.equals(a.getKind())) {
            throw new cn.huiyisheng.app.web.ApiErrors.NotFound("no overpayment " + id);
        }
        if (decision == null) {
            throw new cn.huiyisheng.app.web.BadInput("$.decision", "REQUIRED", "WAIVE or RECOVER", "请选择免予追回或安排追回");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            throw new cn.huiyisheng.app.web.BadInput("$.reason", "REQUIRED", "the reason, at most 2,000 characters", "请填写理由（最多2000个字符）");
        }
        if (reviewer.personKey() != null && mapper.isPartyOfClaim(a.getClaimId(), reviewer.personKey())) {
            throw new cn.huiyisheng.app.web.Forbidden("CONFLICT_OF_INTEREST", reviewer.username()
                    + " is a member of this overpayment's household and cannot decide it");
        }
        String status = decision == Decision.WAIVE ? "WAIVED" : "RECOVERY";
        if (mapper.decideOverpayment(id, status, reviewer.username(), clock.instant(), reason.strip()) != 1) {
            throw new cn.huiyisheng.app.web.Conflict("NOT_OPEN", "overpayment " + id + " is " + a.getStatus() + ", decided already");
        }
        audit.claim(a.getClaimId(), reviewer.username(), "OVERPAYMENT_" + status, a.getBenefit() + " " + a.getPeriod() + " "
                        + a.getDifference().negate() + " yuan: " + reason.strip(),
                List.of(a.getBenefit(), a.getPeriod(), a.getDifference().negate().toPlainString(), reason.strip()));
        return new Adjustment(a.getBenefit(), a.getPeriod(), a.getKind(), a.getAmountBefore(), a.getAmountAfter(), a.getDifference(),
                a.getCause(), status, a.getId(), a.getClaimId(), a.getRecovered());
    }

    public List<Adjustment> adjustmentsOfClaim(long claimId) {
        return ofClaim(claimId).stream().map(Adjustment::of).toList();
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }
}
