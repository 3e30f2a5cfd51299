package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.identity.ActingUser;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.processes.claim.ClaimProcess;
import cn.huiyisheng.processes.payment.PaymentProcess;
import cn.huiyisheng.processes.claim.DecisionRefused;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The staff's task inbox: list, claim, decide. Checks who may do what before Camunda does. */
@Service
public class ReviewTasks {

    /** As many candidate groups as a user can have here: reviewers, supervisors, payment officers. */
    private static final int MAX_GROUPS = 3;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ClaimMapper claims;
    private final SecurityTrail trail;
    /** The task with this id, if one of (up to three) groups is among its candidates. */
    private final String taskOfGroupsSql;

    public ReviewTasks(TaskService tasks, RuntimeService runtime, ClaimMapper claims, ManagementService management, SecurityTrail trail) {
        this.trail = trail;
        this.tasks = tasks;
        this.runtime = runtime;
        this.claims = claims;
        this.taskOfGroupsSql = "SELECT RES.* FROM " + management.getTableName(Task.class) + " RES WHERE RES.ID_ = #{taskId}"
                + " AND EXISTS (SELECT 1 FROM " + management.getTableName(IdentityLinkEntity.class) + " I WHERE I.TASK_ID_ = RES.ID_"
                + " AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (#{g0}, #{g1}, #{g2}))";
    }

    /** A task with what its list shows: the claim, its total, who holds it. Names are masked. */
    /**
     * A task in a list. {@code due}: the review's SLA (10 working days, when the process escalates it);
     * {@code overdue} once that has passed.
     */
    public record TaskView(String id, String name, String kind, Instant created, String assignee, String claimReference,
                           String claimStatus, BigDecimal amountTotal, String applicant, String reviewer, Long runId, Instant due,
                           boolean overdue, List<String> benefits) {
    }

    public record Decision(ClaimProcess.Decision decision, String reason) {
    }

    static List<String> groups(Set<Role> roles) {
        List<String> groups = new ArrayList<>();
        if (roles.contains(Role.REVIEWER)) {
            groups.add(ClaimProcess.GROUP_REVIEWERS);
        }
        if (roles.contains(Role.SUPERVISOR)) {
            groups.add(ClaimProcess.GROUP_SUPERVISORS);
        }
        if (roles.contains(Role.PAYMENT_OFFICER)) {
            groups.add(PaymentProcess.GROUP_PAYMENT_OFFICERS);
        }
        return groups;
    }

    /**
     * The user's open tasks: assigned to them, or unassigned in one of their groups (a task someone
     * has taken is not in the others' list). A task the user may not decide is not offered: the second
     * approval of a claim they reviewed (four eyes), and any task of a claim of their own household.
     */
    public List<TaskView> inbox(CurrentUser user) {
        String username = user.username();
        List<String> groups = groups(user.roles());
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(username).endOr()
                .orderByTaskCreateTime().asc().list();
        List<TaskView> views = new ArrayList<>();
        for (Task t : open) {
            views.add(view(t));
        }
        List<String> references = views.stream().map(TaskView::claimReference).filter(java.util.Objects::nonNull).toList();
        Set<String> own = user.personKey() == null || references.isEmpty() ? Set.of()
                : Set.copyOf(claims.referencesWithParty(references, user.personKey()));
        views.removeIf(v -> v.claimReference() != null && (own.contains(v.claimReference())
                || ClaimProcess.TASK_SECOND_APPROVAL.equals(v.kind()) && username.equals(v.reviewer())));
        return views;
    }

    /** The claim a task of the benefit-claim process is about (its process's business key), or null for other tasks. */
    ClaimRow claimOf(Task t) {
        String reference = claimReferenceOf(t);
        return reference == null ? null : claims.findByReference(reference);
    }

    /** The reference of the claim a review or second-approval task is about, or null for other tasks. */
    public String claimReferenceOf(Task t) {
        if (!ClaimProcess.TASK_REVIEW.equals(t.getTaskDefinitionKey()) && !ClaimProcess.TASK_SECOND_APPROVAL.equals(t.getTaskDefinitionKey())) {
            return null;
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
        return pi == null ? null : pi.getBusinessKey();
    }

    private TaskView view(Task t) {
        ClaimRow c = claimOf(t);
        Object runId = c != null ? null : tasks.getVariable(t.getId(), PaymentProcess.RUN_ID);
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime().toInstant(), t.getAssignee(),
                c == null ? null : c.getReference(), c == null ? null : c.getStatus(), c == null ? null : c.getAmountTotal(),
                c == null ? null : applicantName(c), c == null ? null : c.getReviewer(),
                runId == null ? null : ((Number) runId).longValue(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getDueDate() != null && t.getDueDate().toInstant().isBefore(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()),
                c == null || c.getBenefits().isEmpty() ? List.of() : List.of(c.getBenefits().split(",")));
    }

    private static final cn.huiyisheng.app.web.Formats FORMATS = new cn.huiyisheng.app.web.Formats();
    private static final com.fasterxml.jackson.databind.ObjectMapper TREE = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The applicant's name from the claim's household, masked ("李*"). */
    private static String applicantName(ClaimRow c) {
        try {
            return FORMATS.maskName(TREE.readTree(c.getHouseholdJson()).path("applicant").path("name").asText(null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return "—";
        }
    }

    /** The task, if the user's roles may work on it: one query when they may. */
    public Task task(String taskId, CurrentUser user) {
        List<String> mine = groups(user.roles());
        Task t = null;
        if (!mine.isEmpty()) {
            // a plain SQL query through Camunda's native query API: the task, only if one of the
            // user's groups is among its candidates (at most three groups; the list is padded)
            var query = tasks.createNativeTaskQuery().sql(taskOfGroupsSql).parameter("taskId", taskId);
            for (int i = 0; i < MAX_GROUPS; i++) {
                query.parameter("g" + i, mine.get(Math.min(i, mine.size() - 1)));
            }
            t = query.singleResult();
        }
        if (t != null) {
            return t;
        }
        if (tasks.createTaskQuery().taskId(taskId).singleResult() == null) {
            throw new ApiErrors.NotFound("no open task " + taskId);
        }
        Forbidden refused = new Forbidden("NOT_YOUR_GROUP", "task " + taskId + " is for " + candidateGroups(taskId) + ", not for you");
        trail.refused(user.username(), "task " + taskId, refused.code());
        throw refused;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    @Transactional
    public TaskView claim(String taskId, CurrentUser user) {
        String username = user.username();
        Task t = task(taskId, user);
        if (t.getAssignee() != null && !t.getAssignee().equals(username)) {
            throw new Conflict("TASK_TAKEN", "task " + taskId + " is being worked on by " + t.getAssignee());
        }
        ClaimRow claim = claimOf(t);
        if (claim != null && user.personKey() != null && claims.isParty(claim.getReference(), user.personKey())) {
            DecisionRefused refused = ClaimWorkflow.conflictOfInterest(user);
            trail.refused(username, "claim " + claim.getReference() + " task " + taskId, refused.code());
            throw refused;
        }
        if (ClaimProcess.TASK_SECOND_APPROVAL.equals(t.getTaskDefinitionKey())) {
            fourEyes(claim, username);
        }
        if (t.getAssignee() == null) {
            tasks.claim(taskId, username);
        }
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    private static void fourEyes(ClaimRow claim, String username) {
        if (claim != null && username.equals(claim.getReviewer())) {
            throw new Forbidden("FOUR_EYES", username + " reviewed this claim and cannot give its second approval");
        }
    }

    /**
     * Completes a review or a second approval with a decision. The completion runs as the user
     * ({@link ActingUser}): the task's listener checks and records who decides, in this transaction.
     */
    @Transactional
    public void decide(String taskId, CurrentUser user, Decision decision) {
        String username = user.username();
        Task t = task(taskId, user);
        String kind = t.getTaskDefinitionKey();
        if (!ClaimProcess.TASK_REVIEW.equals(kind) && !ClaimProcess.TASK_SECOND_APPROVAL.equals(kind)) {
            throw new Conflict("NOT_A_DECISION", "task " + taskId + " (" + t.getName() + ") is not decided here");
        }
        if (decision == null || decision.decision() == null) {
            throw new BadInput("$.decision", "REQUIRED", "one of APPROVE, REFUSE, REQUEST_INFO", "请选择审核决定");
        }
        if (decision.decision() != ClaimProcess.Decision.APPROVE && (decision.reason() == null || decision.reason().isBlank())) {
            throw new BadInput("$.reason", "REQUIRED", "a refusal or a request for information needs a reason the applicant will read",
                    "不予批准或要求补充材料时须填写理由");
        }
        if (ClaimProcess.TASK_SECOND_APPROVAL.equals(kind) && decision.decision() == ClaimProcess.Decision.REQUEST_INFO) {
            throw new BadInput("$.decision", "INVALID_VALUE", "a second approval approves or refuses", "复核只能批准或不批准");
        }
        if (t.getAssignee() != null && !t.getAssignee().equals(username)) {
            throw new Conflict("TASK_TAKEN", "task " + taskId + " is being worked on by " + t.getAssignee());
        }
        if (ClaimProcess.TASK_SECOND_APPROVAL.equals(kind)) {
            fourEyes(claimOf(t), username); // the model's listener enforces it too; this answers with a clear 403 first
        }
        if (t.getAssignee() == null) {
            tasks.claim(taskId, username);
        }
        // the task's listener records the decision on the claim and in the audit log, in this transaction
        VariableMap variables = Variables.createVariables().putValue(ClaimProcess.DECISION, decision.decision().name());
        if (decision.reason() != null && !decision.reason().isBlank()) {
            variables.putValueTyped(ClaimProcess.REASON, Variables.stringValue(decision.reason().strip(), true));
        }
        try {
            ActingUser.as(user, () -> tasks.complete(taskId, variables));
        } catch (ProcessEngineException e) {
            DecisionRefused refused = refusal(e).orElseThrow(() -> e); // the engine wraps what its listeners throw
            trail.refused(username, "task " + taskId, refused.code());
            throw refused;
        }
    }

    /** The decision refusal behind an engine exception, if that is what it is. */
    static java.util.Optional<DecisionRefused> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DecisionRefused refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }
}
