package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.determinations.persistence.DeterminationRow;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.payments.persistence.EntitlementRow;
import cn.huiyisheng.app.payments.persistence.GrantRow;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import cn.huiyisheng.app.identity.Actors;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.processes.claim.ClaimSteps;
import cn.huiyisheng.processes.claim.DecisionRefused;
import cn.huiyisheng.processes.claim.FourEyesViolation;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.risk.OtherClaim;
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
    /** The statuses of a claim still being decided, for the risk signals' query. */
    private static final List<String> OPEN = java.util.Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::isOpen).map(Enum::name)
            .toList();

    private final Actors actors;
    private final PersonKeys keys;
    private final SecurityTrail trail;

    public ClaimWorkflow(ClaimMapper claims, SealedDeterminations determinations, PaymentMapper payments, AuditLog audit,
                         ObjectMapper json, Clock clock,
                         @Value("${huiyisheng.claims.second-approval-threshold:5000.00}") BigDecimal secondApprovalThreshold,
                         Actors actors, PersonKeys keys, SecurityTrail trail) {
        this.claims = claims;
        this.determinations = determinations;
        this.payments = payments;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.secondApprovalThreshold = secondApprovalThreshold;
        this.actors = actors;
        this.keys = keys;
        this.trail = trail;
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
        // what other claims already hold for these persons is not eligible again (the system's own
        // records count), and the other claims sharing a person or the bank account are the facts of
        // the risk signals: both in one query
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        YearMonth from = YearMonth.parse(claim.getPeriodFrom());
        YearMonth to = YearMonth.parse(claim.getPeriodTo());
        List<ClaimMapper.RecordRow> found = applicantKey == null && spouseKey == null ? List.of() : claims.findRecords(claimId, claim.getBankAccount(),
                applicantKey, spouseKey, OPEN, benefits, from.toString(), to.toString(), Integer.toString(from.getYear()),
                Integer.toString(to.getYear()));
        SystemRecords records = records(found);
        SealedDeterminations.Sealed sealed = determinations.evaluateAndSeal(claimId, household, LocalDate.now(clock), from, to, benefits,
                records);
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

    /** The records found, in a stable order: grants by benefit, person and period; other claims by kind, the latest first. */
    static SystemRecords records(List<ClaimMapper.RecordRow> found) {
        List<HeldGrants.Held> held = found.stream().filter(r -> r.kind().equals("HELD"))
                .sorted(java.util.Comparator.comparing(ClaimMapper.RecordRow::benefit).thenComparing(ClaimMapper.RecordRow::personKey)
                        .thenComparing(ClaimMapper.RecordRow::period))
                .map(r -> new HeldGrants.Held(r.benefit(), r.personKey(), r.period(), r.reference())).toList();
        List<OtherClaim> others = found.stream().filter(r -> !r.kind().equals("HELD"))
                .sorted(java.util.Comparator.comparing((ClaimMapper.RecordRow r) -> !r.kind().equals("PERSON"))
                        .thenComparing(ClaimMapper.RecordRow::claimId, java.util.Comparator.reverseOrder())
                        .thenComparing(ClaimMapper.RecordRow::role, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .map(o -> new OtherClaim(OtherClaim.Kind.valueOf(o.kind()), o.role(), o.reference(),
                        ClaimStatus.valueOf(o.status()).isOpen(), o.sameHousehold())).toList();
        return new SystemRecords(held, others);
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
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

    /**
     * The user performing a decision, whatever path reached the engine (our API, Camunda's REST
     * API or webapps), with their roles and person from our own accounts; never the task's assignee.
     */
    private CurrentUser decider(Role role) {
        CurrentUser actor = actors.current().orElseThrow(() -> new DecisionRefused("NOT_AUTHENTICATED",
                "a decision on a claim must be performed by a signed-in user, not by the engine on its own"));
        if (!actor.has(role)) {
            throw new DecisionRefused(role == Role.SUPERVISOR ? "NOT_A_SUPERVISOR" : "NOT_A_REVIEWER",
                    actor.username() + " does not hold the role " + role + " needed for this decision");
        }
        return actor;
    }

    @Override
    public void recordReview(String reference, String assignee, String decision, String reason) {
        CurrentUser reviewer = decider(Role.REVIEWER);
        if (claims.setReviewByReference(reference, reviewer.username(), decision, reason, reviewer.personKey()) != 1) {
            idOf(reference); // a claim that does not exist says so
            throw conflictOfInterest(reviewer); // the update matched nothing: the reviewer is of the household
        }
        audit.claim(reference, reviewer.username(), "REVIEWED_" + decision, reason);
        trail.record(reviewer.username(), SecurityTrail.Type.DECISION, "OK", "claim " + reference, "REVIEWED_" + decision);
    }

    @Override
    public void recordSecondApproval(String reference, String assignee, String decision, String reason) {
        CurrentUser supervisor = decider(Role.SUPERVISOR);
        if (claims.setSecondApproval(reference, supervisor.username(), decision, reason, supervisor.personKey()) == 0) {
            ClaimRow claim = claims.findByReference(reference);
            if (claim == null) {
                throw new IllegalStateException("claim " + reference + " does not exist");
            }
            throw supervisor.username().equals(claim.getReviewer()) ? new FourEyesViolation(supervisor.username())
                    : conflictOfInterest(supervisor);
        }
        audit.claim(reference, supervisor.username(), "SECOND_APPROVAL_" + decision, reason);
        trail.record(supervisor.username(), SecurityTrail.Type.DECISION, "OK", "claim " + reference, "SECOND_APPROVAL_" + decision);
    }

    static DecisionRefused conflictOfInterest(CurrentUser user) {
        return new DecisionRefused("CONFLICT_OF_INTEREST", user.username()
                + " is the applicant or a member of the household of this claim and cannot decide or pay it");
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
        Household household = read(sealed.getFactsJson(), Household.class);
        String applicantKey = keyOf(household.applicant());
        String spouseKey = keyOf(household.spouse());
        String thisMonth = YearMonth.now(clock).toString();
        // what to grant, in the determination's order: each entitlement with its periods (each
        // granted to its persons, and paid unless it is a service)
        Map<EntitlementRow, List<Due>> grants = new LinkedHashMap<>();
        for (JsonNode b : result.at("/period/benefits")) {
            Periodicity periodicity = Periodicity.valueOf(b.get("periodicity").asText());
            boolean yearly = periodicity == Periodicity.YEARLY;
            for (JsonNode s : b.get("subjects")) {
                for (JsonNode seg : s.get("segments")) {
                    if (!seg.get("eligible").asBoolean()) {
                        continue;
                    }
                    EntitlementRow e = entitlement(claimId, sealed.getId(), b, s, seg.get("from").asText(), seg.get("to").asText(), seg);
                    List<Due> due = new ArrayList<>();
                    YearMonth to = YearMonth.parse(e.getPeriodTo());
                    for (YearMonth m = YearMonth.parse(e.getPeriodFrom()); !m.isAfter(to); m = m.plusMonths(yearly ? 12 : 1)) {
                        due.add(new Due(HeldGrants.period(periodicity, m), m.toString(), true));
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
                LocalDate assessedOn = LocalDate.parse(item.get("assessedOn").asText());
                String month = YearMonth.from(assessedOn).toString();
                EntitlementRow e = entitlement(claimId, sealed.getId(), b, item, month, month, item);
                grants.put(e, new ArrayList<>(List.of(new Due(HeldGrants.item(Periodicity.valueOf(periodicity), assessedOn), thisMonth,
                        periodicity.equals("ONE_TIME")))));
            }
        }
        // the grants first: a person is granted a benefit for a period at most once, across all
        // claims (a unique key); a claim that raced this one to the same person and period (both
        // determined before either was granted) keeps it, and this one is told which claim holds it
        Map<String, String> heldBy = recordGrants(claimId, grants, applicantKey, spouseKey);
        if (!heldBy.isEmpty()) {
            List<String> held = new ArrayList<>();
            grants.forEach((e, due) -> due.removeIf(d -> {
                String holder = HeldGrants.persons(e.getSubjectPath(), applicantKey, spouseKey).stream()
                        .map(k -> heldBy.get(grantKey(e.getBenefit(), k, d.period()))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (holder != null) {
                    held.add(e.getBenefit() + " " + e.getSubjectLabel() + " " + d.period() + " (" + holder + ")");
                }
                return holder != null;
            }));
            grants.values().removeIf(List::isEmpty);
            audit.claim(claimId, AuditLog.SYSTEM, "HELD_BY_OTHER_CLAIM",
                    "granted to another claim in the meantime, not granted again: " + String.join("; ", held));
        }
        // two statements whatever the number of rows: the entitlements (their ids come back), then their payments
        List<PaymentRow> scheduled = new ArrayList<>();
        if (!grants.isEmpty()) {
            payments.insertEntitlements(new ArrayList<>(grants.keySet()));
            if (grants.keySet().stream().anyMatch(e -> e.getId() == null)) {
                throw new IllegalStateException("the database did not return the ids of the entitlements inserted");
            }
            grants.forEach((e, due) -> due.stream().filter(Due::paid).forEach(d -> scheduled.add(payment(e, d.period(), d.dueMonth()))));
        }
        if (!scheduled.isEmpty()) {
            payments.insertPayments(scheduled);
        }
        // the claim's row, not the process's variables, says whether it was approved (and approved again)
        if (claims.setApproved(claimId, clock.instant(), secondApprovalThreshold) != 1) {
            throw new IllegalStateException("claim " + reference + " has no recorded approval"
                    + " (and, above " + secondApprovalThreshold + " yuan, second approval): nothing is granted");
        }
        audit.claim(claimId, AuditLog.SYSTEM, "GRANTED", scheduled.size() + " payment(s) scheduled from determination " + sealed.getId());
    }

    private static String grantKey(String benefit, String personKey, String period) {
        return benefit + "|" + personKey + "|" + period;
    }

    /**
     * Inserts the grant rows of every period to be granted, in one statement (in key order, so two
     * claims racing lock in the same order). When another claim holds some of them already, those
     * are found, left out and the rest inserted; returns what is held, grant key to claim reference.
     */
    private Map<String, String> recordGrants(long claimId, Map<EntitlementRow, List<Due>> grants, String applicantKey, String spouseKey) {
        java.util.TreeMap<String, GrantRow> rows = new java.util.TreeMap<>();
        java.time.Instant now = clock.instant();
        grants.forEach((e, due) -> {
            for (String person : HeldGrants.persons(e.getSubjectPath(), applicantKey, spouseKey)) {
                for (Due d : due) {
                    rows.putIfAbsent(grantKey(e.getBenefit(), person, d.period()), new GrantRow(person, e.getBenefit(), d.period(), claimId, now));
                }
            }
        });
        Map<String, String> heldBy = new LinkedHashMap<>();
        for (int attempt = 1; !rows.isEmpty(); attempt++) {
            try {
                payments.insertGrants(new ArrayList<>(rows.values()));
                return heldBy;
            } catch (org.springframework.dao.DuplicateKeyException taken) {
                if (attempt == 3) {
                    throw taken;
                }
                List<String> persons = rows.values().stream().map(GrantRow::personKey).distinct().toList();
                List<String> benefits = rows.values().stream().map(GrantRow::benefit).distinct().toList();
                for (HeldGrants.Held h : payments.findHeld(persons, benefits, claimId, null, null, null, null)) {
                    String key = grantKey(h.benefit(), h.personKey(), h.period());
                    if (rows.remove(key) != null) {
                        heldBy.put(key, h.claimReference());
                    }
                }
            }
        }
        return heldBy;
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

    /**
     * A period an entitlement grants: a month, a year or a one-time event ({@link HeldGrants}), the
     * month it falls due, and whether it is paid (a service is granted, not paid).
     */
    private record Due(String period, String dueMonth, boolean paid) {
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
