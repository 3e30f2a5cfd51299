package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRecords;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.risk.OtherClaim;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A claim's automatic evaluation: the system's records for its household (what other claims hold
 * for these persons is not eligible again; the other claims sharing a person or the bank account
 * are the risk signals' facts), the engine's determination, and what it means for the claim
 * (anything eligible, the total, second approval needed). Recording it is the caller's: with the
 * submission that makes the claim, or by the process's evaluation step when the facts changed.
 */
@Component
public class ClaimEvaluation {

    /** The statuses of a claim still being decided, for the risk signals' query. */
    private static final List<String> OPEN = Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::isOpen).map(Enum::name).toList();

    private final ClaimRecords records;
    private final ClaimParties parties;
    private final PersonKeys keys;
    private final SealedDeterminations determinations;
    private final Clock clock;
    private final BigDecimal secondApprovalThreshold;

    public ClaimEvaluation(ClaimRecords records, ClaimParties parties, PersonKeys keys, SealedDeterminations determinations, Clock clock,
                           @Value("${huiyisheng.claims.second-approval-threshold:5000.00}") BigDecimal secondApprovalThreshold) {
        this.records = records;
        this.parties = parties;
        this.keys = keys;
        this.determinations = determinations;
        this.clock = clock;
        this.secondApprovalThreshold = secondApprovalThreshold;
    }

    /** An evaluation with its meaning for the claim; {@link SealedDeterminations#seal} records it. */
    public record Outcome(SealedDeterminations.Evaluated evaluated, boolean anyEligible, BigDecimal total, boolean secondApprovalNeeded) {

        public ClaimStatus status() {
            return anyEligible ? ClaimStatus.IN_REVIEW : ClaimStatus.REFUSED;
        }
    }

    /**
     * Evaluates a claim's household for its benefits and months, today, with the system's records as they are now;
     * records nothing. {@code claimId} is the claim's own (left out of the records), 0 for a claim not recorded yet.
     */
    public Outcome evaluate(long claimId, Household household, String bankAccount, List<String> benefits, YearMonth from, YearMonth to) {
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        List<ClaimMapper.RecordRow> found = records.find(claimId, parties.persons(household), bankAccount, applicantKey, spouseKey,
                OPEN, benefits, from.toString(), to.toString(), Integer.toString(from.getYear()), Integer.toString(to.getYear()));
        SealedDeterminations.Evaluated evaluated = determinations.evaluate(SealedDeterminations.SCOPE_CLAIM, household,
                LocalDate.now(clock), from, to, benefits, records(found));
        boolean anyEligible = false;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BenefitDetermination b : evaluated.response().determination().benefits()) {
            if (b.periodicity() != Periodicity.MONTHLY && b.periodicity() != Periodicity.YEARLY) {
                anyEligible |= b.eligible();
                if (b.periodicity() == Periodicity.ONE_TIME && b.amount() != null) {
                    total = total.add(b.amount());
                }
            }
        }
        for (PeriodDetermination.BenefitPeriod b : evaluated.response().period().benefits()) {
            for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                for (Segment seg : s.segments()) {
                    anyEligible |= seg.eligible();
                }
            }
            if (b.total() != null) {
                total = total.add(b.total());
            }
        }
        return new Outcome(evaluated, anyEligible, total, anyEligible && total.compareTo(secondApprovalThreshold) > 0);
    }

    /** The audit event's detail and parameters for an evaluation recorded as this determination. */
    static String eventDetail(Outcome o) {
        return "determination sealed; " + (o.anyEligible() ? "eligible, total " + o.total() + " yuan" : "nothing eligible");
    }

    static List<String> eventParams(Outcome o, long determinationId) {
        return List.of(Boolean.toString(o.anyEligible()), o.total().toPlainString(), Long.toString(determinationId));
    }

    /** The records found, in a stable order: grants by benefit, person and period; other claims by kind, the latest first. */
    static SystemRecords records(List<ClaimMapper.RecordRow> found) {
        List<HeldGrants.Held> held = found.stream().filter(r -> r.kind().equals("HELD"))
                .sorted(Comparator.comparing(ClaimMapper.RecordRow::benefit).thenComparing(ClaimMapper.RecordRow::personKey)
                        .thenComparing(ClaimMapper.RecordRow::period))
                .map(r -> new HeldGrants.Held(r.benefit(), r.personKey(), r.period(), r.reference())).toList();
        List<OtherClaim> others = found.stream().filter(r -> !r.kind().equals("HELD"))
                .sorted(Comparator.comparing((ClaimMapper.RecordRow r) -> !r.kind().equals("PERSON"))
                        .thenComparing(ClaimMapper.RecordRow::claimId, Comparator.reverseOrder())
                        .thenComparing(ClaimMapper.RecordRow::role, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(o -> new OtherClaim(OtherClaim.Kind.valueOf(o.kind()), o.role(), o.reference(),
                        ClaimStatus.valueOf(o.status()).isOpen(), o.sameHousehold())).toList();
        return new SystemRecords(held, others);
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }
}
