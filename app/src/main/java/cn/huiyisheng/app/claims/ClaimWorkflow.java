package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.payments.Entitlements;
import cn.huiyisheng.app.identity.Actors;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.processes.claim.ClaimSteps;
import cn.huiyisheng.processes.claim.DecisionRefused;
import cn.huiyisheng.processes.claim.FourEyesViolation;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of the benefit-claim process on our own tables. Each runs in the transaction of the
 * process step that calls it, so a step's data and the process's progress commit together.
 */
@Service
@Transactional
public class ClaimWorkflow implements ClaimSteps {

    private final ClaimMapper claims;
    private final SealedDeterminations determinations;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final BigDecimal secondApprovalThreshold;

    private final Actors actors;
    private final PersonKeys keys;
    private final SecurityTrail trail;

    private final cn.huiyisheng.app.notifications.Notifications notifications;
    private final ClaimEvaluation evaluation;
    private final cn.huiyisheng.app.claims.persistence.ClaimUpdates updates;

    public ClaimWorkflow(ClaimMapper claims, SealedDeterminations determinations, Entitlements entitlements, AuditLog audit,
                         ObjectMapper json, Clock clock,
                         @Value("${huiyisheng.claims.second-approval-threshold:5000.00}") BigDecimal secondApprovalThreshold,
                         Actors actors, PersonKeys keys, SecurityTrail trail,
                         cn.huiyisheng.app.notifications.Notifications notifications,
                         ClaimEvaluation evaluation, cn.huiyisheng.app.claims.persistence.ClaimUpdates updates) {
        this.updates = updates;
        this.notifications = notifications;
        this.evaluation = evaluation;
        this.claims = claims;
        this.determinations = determinations;
        this.entitlements = entitlements;
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

    /**
     * Evaluates a claim again on its facts as they are now (the submission evaluated it first; the
     * applicant has since corrected or completed them), seals the determination and sets the claim's
     * status and total.
     */
    @Override
    public Evaluated evaluate(String reference) {
        ClaimRow claim = claims.findByReference(reference);
        if (claim == null) {
            throw new IllegalStateException("claim " + reference + " does not exist");
        }
        long claimId = claim.getId();
        Household household = read(claim.getHouseholdJson(), Household.class);
        List<String> benefits = claim.getBenefits().isEmpty() ? List.of() : Arrays.asList(claim.getBenefits().split(","));
        ClaimEvaluation.Outcome outcome = evaluation.evaluate(claimId, household, claim.getBankAccount(), benefits,
                YearMonth.parse(claim.getPeriodFrom()), YearMonth.parse(claim.getPeriodTo()));
        SealedDeterminations.Sealed sealed = determinations.seal(claimId, outcome.evaluated());
        claims.setEvaluated(claimId, outcome.status().name(), outcome.total());
        audit.claim(claimId, AuditLog.SYSTEM, "EVALUATED", ClaimEvaluation.eventDetail(outcome),
                ClaimEvaluation.eventParams(outcome, sealed.row().getId()));
        return new Evaluated(outcome.anyEligible(), outcome.secondApprovalNeeded());
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }

    @Override
    public void notifyRefusal(String reference) {
        systemStep(reference, ClaimStatus.REFUSED, true, "NOTIFIED_REFUSAL",
                "applicant told of the refusal and its reasons; appeal window open");
        notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.REFUSED, List.of());
    }

    @Override
    public void closeWithoutAppeal(String reference) {
        systemStep(reference, ClaimStatus.CLOSED, false, "CLOSED", "no appeal within the appeal window");
        notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.CLOSED, List.of());
    }

    @Override
    public void requestInformation(String reference) {
        systemStep(reference, ClaimStatus.INFO_REQUESTED, false, "NOTIFIED_INFO_REQUEST", "applicant asked for information");
        notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.INFO_REQUESTED, List.of());
    }

    @Override
    public void withdrawUnanswered(String reference) {
        systemStep(reference, ClaimStatus.WITHDRAWN, true, "WITHDRAWN", "the request for information was not answered in time");
        notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.WITHDRAWN, List.of());
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
        if (updates.setReviewByReference(reference, reviewer.username(), decision, reason, reviewer.personKey(), clock.instant()) != 1) {
            idOf(reference); // a claim that does not exist says so
            throw conflictOfInterest(reviewer); // the update matched nothing: the reviewer is of the household
        }
        audit.claim(reference, reviewer.username(), "REVIEWED_" + decision, reason);
        trail.record(reviewer.username(), SecurityTrail.Type.DECISION, "OK", "claim " + reference, "REVIEWED_" + decision);
    }

    @Override
    public void recordSecondApproval(String reference, String assignee, String decision, String reason) {
        CurrentUser supervisor = decider(Role.SUPERVISOR);
        if (claims.setSecondApproval(reference, supervisor.username(), decision, reason, supervisor.personKey(), clock.instant()) == 0) {
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
        Household household = determinations.recentHousehold(sealed);
        // the months due by now are paid from the approved determination; the later months of a recurring
        // benefit that continues are determined by each payment run, under the rules then in force
        Entitlements.Granted granted = entitlements.grant(Entitlements.Grant.ofClaim(claimId, sealed.getId(),
                determinations.recentResponse(sealed), keyOf(household.applicant()), keyOf(household.spouse()), YearMonth.now(clock),
                YearMonth.parse(sealed.getPeriodTo()), sealed.isClaimOpenEnded()));
        if (!granted.heldByOthers().isEmpty()) {
            List<String> holders = granted.heldByOthers().stream().map(Entitlements.Held::holder).distinct().sorted().toList();
            audit.claim(claimId, AuditLog.SYSTEM, "HELD_BY_OTHER_CLAIM", "granted to another claim in the meantime, not granted again: "
                    + String.join("; ", granted.heldByOthers().stream().map(Entitlements.Held::describe).toList()),
                    List.of(Integer.toString(granted.heldByOthers().size()), String.join("、", holders)));
        }
        // the claim's row, not the process's variables, says whether it was approved (and approved again)
        if (updates.setApproved(claimId, clock.instant(), secondApprovalThreshold) != 1) {
            throw new IllegalStateException("claim " + reference + " has no recorded approval"
                    + " (and, above " + secondApprovalThreshold + " yuan, second approval): nothing is granted");
        }
        audit.claim(claimId, AuditLog.SYSTEM, "GRANTED", granted.paymentsScheduled() + " payment(s) scheduled from determination "
                + sealed.getId(), List.of(Integer.toString(granted.paymentsScheduled()), Long.toString(sealed.getId())));
    }

    @Override
    public void notifyApproval(String reference) {
        audit.claim(reference, AuditLog.SYSTEM, "NOTIFIED_APPROVAL", "applicant told of the approval and the payments scheduled");
        notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.APPROVED, List.of());
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
