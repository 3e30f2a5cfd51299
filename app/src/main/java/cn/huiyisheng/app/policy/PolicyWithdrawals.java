package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.policy.persistence.PolicyVersionMapper;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.app.policy.persistence.PolicyWithdrawalMapper;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.rules.facts.TableCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Withdrawing a published version that is not yet in force (its validFrom still ahead), by two
 * people: one requests it with a reason, another approves (the version stops being known as valid
 * {@link PolicyCatalog#PUBLICATION_DELAY} later, on every node) or rejects it. A version already in
 * force is never withdrawn: a correction is a new version.
 */
@Service
public class PolicyWithdrawals {

    private final PolicyWithdrawalMapper withdrawals;
    private final PolicyVersionMapper versions;
    private final PolicyCatalog catalog;
    private final SecurityTrail trail;
    private final Clock clock;

    public PolicyWithdrawals(PolicyWithdrawalMapper withdrawals, PolicyVersionMapper versions, PolicyCatalog catalog, SecurityTrail trail,
                             Clock clock) {
        this.withdrawals = withdrawals;
        this.versions = versions;
        this.catalog = catalog;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public PolicyWithdrawalMapper.Row request(CurrentUser user, String benefit, Integer version, String reason) {
        staff(user);
        TableCode code = benefit == null ? null : TableCode.parse(benefit.strip()).orElse(null);
        java.util.List<cn.huiyisheng.rules.household.Problem> problems = new java.util.ArrayList<>();
        if (code == null) {
            problems.add(new cn.huiyisheng.rules.household.Problem("$.benefit", benefit == null ? "REQUIRED" : "UNKNOWN_BENEFIT",
                    "the benefit or table of the version", "请选择待遇"));
        }
        if (version == null) {
            problems.add(new cn.huiyisheng.rules.household.Problem("$.version", "REQUIRED", "the version number", "请填写版本号"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new cn.huiyisheng.rules.household.Problem("$.reason", "REQUIRED", "why the version is withdrawn", "请填写撤回理由"));
        } else if (reason.length() > 2000) {
            problems.add(new cn.huiyisheng.rules.household.Problem("$.reason", "TOO_LONG", "at most 2000 characters", "理由最多2000字"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        PolicyVersionRow v = versions.find(code.name(), version);
        if (v == null) {
            throw new ApiErrors.NotFound(code + " has no version " + version);
        }
        LocalDate today = LocalDate.now(clock);
        if (!"PUBLISHED".equals(v.getStatus()) || !v.getValidFrom().isAfter(today)) {
            throw new Conflict("NOT_AHEAD", code + "-v" + version + " is " + v.getStatus() + ", valid from " + v.getValidFrom()
                    + ": only a published version not yet in force can be withdrawn; correct one in force with a new version");
        }
        PolicyWithdrawalMapper.Request r = new PolicyWithdrawalMapper.Request();
        r.tableCode = code.name();
        r.versionNo = version;
        r.reason = reason.strip();
        r.requestedBy = user.username();
        r.requestedAt = clock.instant();
        try {
            withdrawals.insert(r);
        } catch (DuplicateKeyException pending) {
            throw new Conflict("WITHDRAWAL_PENDING", "a withdrawal of " + code + "-v" + version + " is already waiting for a decision");
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "withdrawal " + r.id,
                "WITHDRAWAL_REQUESTED " + code + "-v" + version);
        return withdrawals.find(r.id);
    }

    /** Approves a request (someone other than the requester): the version is withdrawn from a moment ahead, on every node. */
    @Transactional
    public PolicyWithdrawalMapper.Row approve(CurrentUser user, long id, String note) {
        PolicyWithdrawalMapper.Row w = open(user, id);
        Instant now = clock.instant();
        Instant at = now.plus(PolicyCatalog.PUBLICATION_DELAY);
        if (versions.withdraw(w.tableCode(), w.versionNo(), at, LocalDate.now(clock)) != 1) {
            throw new Conflict("NOT_AHEAD", w.tableCode() + "-v" + w.versionNo() + " is no longer a published version ahead of today");
        }
        if (withdrawals.decide(id, "APPROVED", user.username(), now, note(note)) != 1) {
            throw new Conflict("WITHDRAWAL_DECIDED", "withdrawal " + id + " was decided a moment ago");
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "withdrawal " + id,
                "WITHDRAWAL_APPROVED " + w.tableCode() + "-v" + w.versionNo() + " withdrawn from " + at);
        catalog.refreshAfterCommit();
        return withdrawals.find(id);
    }

    @Transactional
    public PolicyWithdrawalMapper.Row reject(CurrentUser user, long id, String note) {
        open(user, id);
        if (note == null || note.isBlank()) {
            throw new BadInput("$.comment", "REQUIRED", "a rejection says why", "驳回须填写理由");
        }
        if (withdrawals.decide(id, "REJECTED", user.username(), clock.instant(), note(note)) != 1) {
            throw new Conflict("WITHDRAWAL_DECIDED", "withdrawal " + id + " was decided a moment ago");
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "withdrawal " + id, "WITHDRAWAL_REJECTED");
        return withdrawals.find(id);
    }

    public List<PolicyWithdrawalMapper.Row> list() {
        return withdrawals.list();
    }

    private PolicyWithdrawalMapper.Row open(CurrentUser user, long id) {
        staff(user);
        PolicyWithdrawalMapper.Row w = withdrawals.find(id);
        if (w == null) {
            throw new ApiErrors.NotFound("no withdrawal " + id);
        }
        if (w.requestedBy().equals(user.username())) {
            trail.refused(user.username(), "withdrawal " + id, "OWN_REQUEST");
            throw new Forbidden("OWN_REQUEST", "who requested a withdrawal cannot decide it: another policy staff member must");
        }
        if (!"REQUESTED".equals(w.status())) {
            throw new Conflict("WITHDRAWAL_DECIDED", "withdrawal " + id + " is " + w.status());
        }
        return w;
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > 2000) {
            throw new BadInput("$.comment", "TOO_LONG", "at most 2000 characters", "意见最多2000字");
        }
        return note.strip();
    }

    private void staff(CurrentUser user) {
        PolicyDrafts.requireStaff(user, trail, "policy withdrawals");
    }
}
