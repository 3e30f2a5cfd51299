package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Yearly confirmation (生存认证 / 年审, issue 10 §5). For the benefits that need it (a setting), a
 * standing entitlement is due to be confirmed a year after its approval and every year after each
 * confirmation. Each payment run reminds the recipient once when the date has come (recorded in the
 * claim's timeline and the applicant's messages) and suspends an entitlement still
 * unconfirmed a grace period after it: not ended, its months wait. Staff record a confirmation (the
 * portal later): the entitlement goes on, and the next run pays the months it waited.
 */
@Service
@Transactional
public class Confirmations {

    private final PaymentMapper mapper;
    private final AuditLog audit;
    private final SecurityTrail trail;
    private final Clock clock;
    private final Set<String> benefits;
    private final Duration grace;
    private final cn.huiyisheng.app.notifications.Notifications notifications;

    public Confirmations(PaymentMapper mapper, AuditLog audit, SecurityTrail trail, Clock clock,
                         @Value("${huiyisheng.confirmation.benefits:SPECIAL_SUPPORT,REWARD_SUPPORT,RETIRED_PARENT_ALLOWANCE}") String benefits,
                         @Value("${huiyisheng.confirmation.grace:P90D}") Duration grace,
                         cn.huiyisheng.app.notifications.Notifications notifications) {
        this.notifications = notifications;
        this.mapper = mapper;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
        this.benefits = Arrays.stream(benefits.split(",")).map(String::strip).filter(b -> !b.isEmpty()).collect(Collectors.toSet());
        this.grace = grace;
    }

    /** The first confirmation of a new standing entitlement of this benefit, a year from today; null when it needs none. */
    LocalDate firstDue(String benefit) {
        return benefits.contains(benefit) ? LocalDate.now(clock).plusYears(1) : null;
    }

    /** What a run did: reminders recorded, entitlements suspended. */
    public record Checked(int reminded, int suspended) {
    }

    /** Before a run determines anything: reminders for confirmations come due, suspension past the grace period. */
    public Checked check() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int reminded = 0;
        int suspended = 0;
        for (RecurringEntitlementRow e : mapper.findUnconfirmed(today)) {
            LocalDate deadline = e.getConfirmationDue().plusDays(grace.toDays());
            if (today.isAfter(deadline)) {
                if (mapper.suspendRecurring(e.getId(), now) == 1) {
                    suspended++;
                    audit.claim(e.getClaimId(), AuditLog.SYSTEM, "SUSPENDED", e.getBenefit() + " " + e.getSubjectLabel()
                                    + " suspended from " + e.getDeterminedThrough() + ": the yearly confirmation due on "
                                    + e.getConfirmationDue() + " was not given by " + deadline,
                            List.of(e.getBenefit(), e.getConfirmationDue().toString(), deadline.toString()));
                }
            } else if (mapper.setReminded(e.getId(), now) == 1) {
                reminded++;
                audit.claim(e.getClaimId(), AuditLog.SYSTEM, "CONFIRMATION_DUE", e.getBenefit() + " " + e.getSubjectLabel()
                                + ": the yearly confirmation was due on " + e.getConfirmationDue() + "; without it by " + deadline
                                + " the payments are suspended",
                        List.of(e.getBenefit(), e.getConfirmationDue().toString(), deadline.toString()));
                notifications.claim(e.getClaimId(), cn.huiyisheng.app.notifications.Notifications.Type.CONFIRMATION_DUE,
                        List.of(e.getBenefit(), e.getConfirmationDue().toString(), deadline.toString()));
            }
        }
        return new Checked(reminded, suspended);
    }

    /** The outcome of a confirmation: entitlements confirmed, of which suspended ones resumed, and the next due date. */
    public record Confirmed(int confirmed, int resumed, LocalDate nextDue) {
    }

    /** Staff record that the household's recipients confirmed (how: in person, by video, ...); a suspended entitlement goes on. */
    public Confirmed confirm(long claimId, String claimReference, String how, CurrentUser staff) {
        if (how == null || how.isBlank() || how.strip().length() > 200) {
            throw new BadInput("$.how", how == null || how.isBlank() ? "REQUIRED" : "TOO_LONG",
                    "how the recipient confirmed (in person, by video ...), at most 200 characters", "请填写认证方式（最多200个字符）");
        }
        List<RecurringEntitlementRow> due = mapper.findRecurringOfClaim(claimId).stream()
                .filter(e -> e.getConfirmationDue() != null && !e.getStatus().equals(RecurringEntitlements.CLOSED)).toList();
        if (due.isEmpty()) {
            throw new Conflict("NOTHING_TO_CONFIRM", "claim " + claimReference + " has no standing entitlement that needs a yearly confirmation");
        }
        LocalDate next = LocalDate.now(clock).plusYears(1);
        Instant now = clock.instant();
        int resumed = 0;
        for (RecurringEntitlementRow e : due) {
            mapper.confirmRecurring(e.getId(), next, now);
            resumed += e.getStatus().equals("SUSPENDED") ? 1 : 0;
        }
        audit.claim(claimId, staff.username(), "CONFIRMED", "yearly confirmation (" + how.strip() + ") of " + due.size()
                + " entitlement(s), " + resumed + " resumed; next due " + next, List.of(Integer.toString(due.size()),
                Integer.toString(resumed), next.toString(), how.strip()));
        trail.record(staff.username(), SecurityTrail.Type.DECISION, "OK", "claim " + claimReference, "CONFIRMED yearly confirmation");
        return new Confirmed(due.size(), resumed, next);
    }
}
