package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.determinations.persistence.DeterminationRow;
import cn.huiyisheng.app.payments.persistence.EntitlementRow;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import cn.huiyisheng.processes.claim.ClaimSteps;
import cn.huiyisheng.processes.claim.FourEyesViolation;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.household.Household;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of the benefit-claim process on our own tables. Each runs in the transaction of the
 * process step that calls it, so a step's data and the process's progress commit together.
 */
@Service
@Transactional
public class ClaimWorkflow implements ClaimSteps {

    private final ClaimMapper claims;
    private final SealedDeterminations determinations;
    private final PaymentMapper payments;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final BigDecimal secondApprovalThreshold;

    public ClaimWorkflow(ClaimMapper claims, SealedDeterminations determinations, PaymentMapper payments, AuditLog audit,
                         ObjectMapper json, Clock clock,
                         @Value("${huiyisheng.claims.second-approval-threshold:5000.00}") BigDecimal secondApprovalThreshold) {
        this.claims = claims;
        this.determinations = determinations;
        this.payments = payments;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.secondApprovalThreshold = secondApprovalThreshold;
    }

    /** The id of the claim with this reference, for the steps that are rare enough to look it up. */
    private long idOf(String reference) {
        Long id = claims.idOf(reference);
        if (id == null) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
        return id;
    }

    @Override
    public Evaluated evaluate(String reference) {
        ClaimRow claim = claims.findByReference(reference);
        if (claim == null) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
        long claimId = claim.getId();
        Household household = read(claim.getHouseholdJson(), Household.class);
        List<String> benefits = claim.getBenefits().isEmpty() ? List.of() : Arrays.asList(claim.getBenefits().split(","));
        SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(claimId, household, LocalDate.now(clock),
                YearMonth.parse(claim.getPeriodFrom()), YearMonth.parse(claim.getPeriodTo()), benefits);
        boolean anyEligible = false;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BenefitDetermination b : sealed.response().determination().benefits()) {
            if (b.periodicity() != Periodicity.MONTHLY && b.periodicity() != Periodicity.YEARLY) {
                anyEligible |= b.eligible();
                if (b.periodicity() == Periodicity.ONE_TIME && b.amount() != null) {
                    total = total.add(b.amount());
                }
            }
        }
        for (PeriodDetermination.BenefitPeriod b : sealed.response().period().benefits()) {
            for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                for (Segment seg : s.segments()) {
                    anyEligible |= seg.eligible();
                }
            }
            if (b.total() != null) {
                total = total.add(b.total());
            }
        }
        claims.setEvaluated(claimId, anyEligible ? ClaimStatus.IN_REVIEW.name() : ClaimStatus.REFUSED.name(), total);
        audit.claim(claimId, AuditLog.SYSTEM, "EVALUATED", "determination sealed; "
                + (anyEligible ? "eligible, total " + total + " yuan" : "nothing eligible"));
        return new Evaluated(anyEligible, anyEligible && total.compareTo(secondApprovalThreshold) > 0);
    }

    @Override
    public void notifyRefusal(String reference) {
        systemStep(reference, ClaimStatus.REFUSED, true, "NOTIFIED_REFUSAL",
                "applicant told of the refusal and its reasons; appeal window open");
    }

    @Override
    public void closeWithoutAppeal(String reference) {
        systemStep(reference, ClaimStatus.CLOSED, false, "CLOSED", "no appeal within the appeal window");
    }

    @Override
    public void requestInformation(String reference) {
        systemStep(reference, ClaimStatus.INFO_REQUESTED, false, "NOTIFIED_INFO_REQUEST", "applicant asked for information");
    }

    @Override
    public void withdrawUnanswered(String reference) {
        systemStep(reference, ClaimStatus.WITHDRAWN, true, "WITHDRAWN", "the request for information was not answered in time");
    }

    /**
     * A step the system takes by itself: the claim's new status (with the instant of its decision
     * when the step decides it) and the audit event, each one statement by the claim's reference.
     */
    private void systemStep(String reference, ClaimStatus status, boolean decides, String type, String detail) {
        int updated = decides ? claims.setDecidedByReference(reference, status.name(), clock.instant())
                : claims.setStatusByReference(reference, status.name());
        if (updated != 1) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
        audit.claim(reference, AuditLog.SYSTEM, type, detail);
    }

    @Override
    public void escalateReview(String reference) {
        audit.claim(reference, AuditLog.SYSTEM, "ESCALATED", "review open beyond its working-day limit; supervisors alerted");
    }

    @Override
    public void recordReview(String reference, String reviewer, String decision, String reason) {
        if (claims.setReviewByReference(reference, reviewer, reason) != 1) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
        audit.claim(reference, reviewer, "REVIEWED_" + decision, reason);
    }

    @Override
    public void recordSecondApproval(String reference, String supervisor, String decision, String reason) {
        if (claims.setSecondApproval(reference, supervisor, reason) == 0) {
            idOf(reference); // a claim that does not exist says so
            throw new FourEyesViolation(supervisor); // the claim's reviewer: the update matched nothing
        }
        audit.claim(reference, supervisor, "SECOND_APPROVAL_" + decision, reason);
    }

    @Override
    public void awaitSecondApproval(String reference) {
        if (claims.setStatusByReference(reference, ClaimStatus.AWAITING_SECOND_APPROVAL.name()) != 1) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
    }

    @Override
    public void grantEntitlements(String reference) {
        DeterminationRow sealed = determinations.latestUngranted(reference).orElse(null);
        if (sealed == null) {
            if (determinations.latest(idOf(reference)).isEmpty()) {
                throw new IllegalStateException("claim " + reference + " has no determination to grant");
            }
            return; // granted already: the step runs again (an operator restarted it in Cockpit, say)
        }
        long claimId = sealed.getClaimId();
        JsonNode result = determinations.result(sealed);
        String thisMonth = YearMonth.now(clock).toString();
        // what to grant, in the determination's order: each entitlement with the payments it is due
        Map<EntitlementRow, List<Due>> grants = new LinkedHashMap<>();
        for (JsonNode b : result.at("/period/benefits")) {
            boolean yearly = b.get("periodicity").asText().equals("YEARLY");
            for (JsonNode s : b.get("subjects")) {
                for (JsonNode seg : s.get("segments")) {
                    if (!seg.get("eligible").asBoolean()) {
                        continue;
                    }
                    EntitlementRow e = entitlement(claimId, sealed.getId(), b, s, seg.get("from").asText(), seg.get("to").asText(), seg);
                    List<Due> due = new ArrayList<>();
                    YearMonth to = YearMonth.parse(e.getPeriodTo());
                    for (YearMonth m = YearMonth.parse(e.getPeriodFrom()); !m.isAfter(to); m = m.plusMonths(yearly ? 12 : 1)) {
                        due.add(new Due(yearly ? Integer.toString(m.getYear()) : m.toString(), m.toString()));
                    }
                    grants.put(e, due);
                }
            }
        }
        for (JsonNode b : result.at("/determination/benefits")) {
            String periodicity = b.get("periodicity").asText();
            if (!periodicity.equals("ONE_TIME") && !periodicity.equals("SERVICE")) {
                continue;
            }
            for (JsonNode item : b.get("items")) {
                if (!item.get("eligible").asBoolean()) {
                    continue;
                }
                String month = YearMonth.from(LocalDate.parse(item.get("assessedOn").asText())).toString();
                EntitlementRow e = entitlement(claimId, sealed.getId(), b, item, month, month, item);
                grants.put(e, periodicity.equals("ONE_TIME") ? List.of(new Due("ONCE", thisMonth)) : List.of());
            }
        }
        // two statements whatever the number of rows: the entitlements (their ids come back), then their payments
        List<PaymentRow> scheduled = new ArrayList<>();
        if (!grants.isEmpty()) {
            payments.insertEntitlements(new ArrayList<>(grants.keySet()));
            if (grants.keySet().stream().anyMatch(e -> e.getId() == null)) {
                throw new IllegalStateException("the database did not return the ids of the entitlements inserted");
            }
            grants.forEach((e, due) -> due.forEach(d -> scheduled.add(payment(e, d.period(), d.dueMonth()))));
        }
        if (!scheduled.isEmpty()) {
            payments.insertPayments(scheduled);
        }
        claims.setDecided(claimId, ClaimStatus.APPROVED.name(), clock.instant());
        audit.claim(claimId, AuditLog.SYSTEM, "GRANTED", scheduled.size() + " payment(s) scheduled from determination " + sealed.getSeq());
    }

    private EntitlementRow entitlement(long claimId, long determinationId, JsonNode benefit, JsonNode subject, String from,
                                       String to, JsonNode outcome) {
        EntitlementRow e = new EntitlementRow();
        e.setClaimId(claimId);
        e.setDeterminationId(determinationId);
        e.setBenefit(benefit.get("benefit").asText());
        e.setSubjectPath(subject.has("path") ? subject.get("path").asText() : "$");
        e.setSubjectLabel(subject.get("subject").asText());
        e.setPeriodicity(benefit.get("periodicity").asText());
        e.setPeriodFrom(from);
        e.setPeriodTo(to);
        e.setAmount(outcome.hasNonNull("amount") ? outcome.get("amount").decimalValue() : null);
        e.setPayer(outcome.hasNonNull("payer") ? outcome.get("payer").asText() : null);
        if (outcome.has("version")) {
            e.setVersionId(outcome.at("/version/id").asText());
            e.setVersionSha256(outcome.at("/version/sha256").asText());
        }
        if (outcome.has("rows") && !outcome.get("rows").isEmpty()) {
            e.setRowId(outcome.at("/rows/0/rowId").asText());
        }
        e.setCreatedAt(clock.instant());
        return e;
    }

    /** A payment an entitlement is due: its period (a month, a year, or ONCE) and the month it falls due. */
    private record Due(String period, String dueMonth) {
    }

    private static PaymentRow payment(EntitlementRow e, String period, String dueMonth) {
        PaymentRow p = new PaymentRow();
        p.setEntitlementId(e.getId());
        p.setPeriod(period);
        p.setDueMonth(dueMonth);
        p.setAmount(e.getAmount());
        p.setPayer(e.getPayer());
        p.setStatus("SCHEDULED");
        p.setAttempts(0);
        return p;
    }

    @Override
    public void notifyApproval(String reference) {
        audit.claim(reference, AuditLog.SYSTEM, "NOTIFIED_APPROVAL", "applicant told of the approval and the payments scheduled");
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
