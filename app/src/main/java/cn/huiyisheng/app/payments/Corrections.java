package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.determinations.DeterminationRow;
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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;
    private final Clock clock;

    public Corrections(PaymentMapper mapper, PolicyCatalog catalog, SealedDeterminations determinations, PersonKeys keys, AuditLog audit,
                       ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.determinations = determinations;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
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
                List<AdjustmentRow> made = correct(v, e.getKey(), e.getValue(), runMonth);
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

    /** One claim's months paid before the correction was known: determined again, the differences recorded. */
    private List<AdjustmentRow> correct(PolicyTable v, long claimId, List<PaidMonth> paid, YearMonth runMonth) {
        DeterminationRow approved = determinations.latest(claimId).orElseThrow(() -> new IllegalStateException(
                "claim " + claimId + " has no determination"));
        Household household = read(approved.getFactsJson());
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        String benefit = v.code().name();
        YearMonth from = paid.stream().map(m -> YearMonth.parse(m.period())).min(YearMonth::compareTo).orElseThrow();
        YearMonth to = paid.stream().map(m -> YearMonth.parse(m.period())).max(YearMonth::compareTo).orElseThrow();
        List<String> persons = HeldGrants.persons("$", applicantKey, spouseKey);
        List<HeldGrants.Held> held = persons.isEmpty() ? List.of() : mapper.findHeld(persons, List.of(benefit), claimId, from.toString(),
                to.toString(), Integer.toString(from.getYear()), Integer.toString(to.getYear()));
        SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(SealedDeterminations.SCOPE_PAYMENT, claimId, household,
                LocalDate.now(clock), from, to, List.of(benefit), new SystemRecords(held, List.of()));
        PeriodDetermination.BenefitPeriod determined = sealed.response().period() == null ? null
                : sealed.response().period().benefit(benefit).orElse(null);
        Instant now = clock.instant();
        List<AdjustmentRow> made = new ArrayList<>();
        for (PaidMonth m : paid) {
            Segment seg = segment(determined, m.subjectPath(), YearMonth.parse(m.period()));
            BigDecimal due = seg != null && seg.eligible() && seg.amount() != null ? seg.amount() : BigDecimal.ZERO.setScale(2);
            BigDecimal before = m.amount().add(m.adjusted());
            BigDecimal difference = due.subtract(before);
            if (difference.signum() == 0) {
                continue;
            }
            String person = HeldGrants.persons(m.subjectPath(), applicantKey, spouseKey).stream().filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> new IllegalStateException("payment " + m.paymentId() + ": no person to record its correction for"));
            AdjustmentRow a = new AdjustmentRow();
            a.setClaimId(claimId);
            a.setPaymentId(m.paymentId());
            a.setPersonKey(person);
            a.setBenefit(benefit);
            a.setPeriod(m.period());
            a.setCause(v.id());
            a.setAmountBefore(before);
            a.setAmountAfter(due);
            a.setDifference(difference);
            a.setDeterminationId(sealed.row().getId());
            a.setCreatedAt(now);
            if (difference.signum() > 0) {
                a.setKind(TOP_UP);
                a.setStatus("SCHEDULED");
                a.setTopUpPaymentId(topUp(v, m, seg, difference, sealed.row().getId(), runMonth, now));
            } else {
                a.setKind(OVERPAYMENT);
                a.setStatus("OPEN");
            }
            mapper.insertAdjustment(a);
            made.add(a);
        }
        if (!made.isEmpty()) {
            BigDecimal ups = made.stream().filter(a -> a.getKind().equals(TOP_UP)).map(AdjustmentRow::getDifference)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal overs = made.stream().filter(a -> a.getKind().equals(OVERPAYMENT)).map(a -> a.getDifference().negate())
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            long nUp = made.stream().filter(a -> a.getKind().equals(TOP_UP)).count();
            audit.claim(claimId, AuditLog.SYSTEM, "CORRECTED", v.id() + " (valid from " + v.validFrom() + ", published "
                            + v.publishedAt() + ") corrects " + made.size() + " month(s) paid: " + nUp + " top-up(s) of " + ups
                            + " yuan, " + (made.size() - nUp) + " overpayment(s) of " + overs + " yuan for a reviewer (determination "
                            + sealed.row().getId() + ")",
                    List.of(v.id(), Long.toString(nUp), ups.toPlainString(), Long.toString(made.size() - nUp), overs.toPlainString()));
        }
        return made;
    }

    /** The top-up of one month: a segment of its own (the correction's determination), and its payment, due now. */
    private long topUp(PolicyTable v, PaidMonth m, Segment seg, BigDecimal difference, long determinationId, YearMonth runMonth,
                       Instant now) {
        EntitlementRow e = new EntitlementRow();
        e.setClaimId(m.claimId());
        e.setDeterminationId(determinationId);
        e.setBenefit(v.code().name());
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
        mapper.insertEntitlements(List.of(e));
        PaymentRow p = new PaymentRow();
        p.setEntitlementId(e.getId());
        p.setPeriod(m.period());
        p.setDueMonth(runMonth.toString());
        p.setAmount(difference);
        p.setPayer(e.getPayer());
        p.setStatus("SCHEDULED");
        p.setAttempts(0);
        p.setKind(TOP_UP);
        p.setCorrection(v.id());
        mapper.insertPayments(List.of(p));
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

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }

    private Household read(String text) {
        try {
            return json.readValue(text, Household.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored household unreadable: " + ex.getOriginalMessage(), ex);
        }
    }
}
