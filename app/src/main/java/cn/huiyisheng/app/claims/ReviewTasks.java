package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.claims.persistence.TaskQuery;
import cn.huiyisheng.app.claims.persistence.TaskRow;
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
                           boolean overdue, List<String> benefits, Instant received, String district, String decision,
                           Instant acted) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "A reviewer's or supervisor's decision / 审核决定")
    public record Decision(
            @io.swagger.v3.oas.annotations.media.Schema(description = "APPROVE, REFUSE or REQUEST_INFO (a second approval: APPROVE or REFUSE)",
                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) ClaimProcess.Decision decision,
            @io.swagger.v3.oas.annotations.media.Schema(description = "required to refuse or to ask for information: the applicant reads it",
                    example = "请补充独生子女死亡证明") String reason) {
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

    /** The staff's lists: assigned to me, my groups' unassigned tasks, both (the API's default), and what I decided. */
    public enum Tab { MINE, GROUP, OPEN, DONE }

    /** How a list can be ordered: each a fixed column, never the user's text. */
    public enum Sort {
        CREATED("w.created_at"), RECEIVED("w.submitted_at"), DUE("w.due_at"), TOTAL("w.amount_total"), REFERENCE("w.business_key");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /**
     * A list request, checked: {@code q} finds a claim by its reference (or its beginning), the last
     * four characters of the applicant's ID number, or a part of the applicant's name.
     */
    public record Filter(Tab tab, String q, String benefit, String district, ClaimStatus status, boolean overdue, Sort sort,
                         boolean descending, int page, int size) {

        public static final int MAX_SIZE = 200;
        private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("(?i)HYS-[0-9A-Z-]{0,20}");
        private static final java.util.regex.Pattern ID_TAIL = java.util.regex.Pattern.compile("[0-9]{3}[0-9Xx]");

        public static Filter defaults(Tab tab) {
            return new Filter(tab, null, null, null, null, false, Sort.CREATED, false, 1, 20);
        }

        /**
         * Reads the request's parameters (each may be null or blank: its default), reporting every
         * bad one at once, by parameter name.
         */
        public static Filter parse(String tab, String q, String benefit, String district, String status, String overdue, String sort,
                                   String dir, String page, String size, Tab defaultTab, int defaultSize) {
            List<cn.huiyisheng.rules.household.Problem> problems = new ArrayList<>();
            Tab t = choice(Tab.class, tab, defaultTab, "tab", "列表", problems);
            ClaimStatus st = choice(ClaimStatus.class, status, null, "status", "状态", problems);
            Sort so = choice(Sort.class, sort, Sort.CREATED, "sort", "排序", problems);
            String b = blank(benefit) ? null : benefit.strip().toUpperCase(java.util.Locale.ROOT);
            if (b != null && java.util.Arrays.stream(cn.huiyisheng.rules.facts.TableCode.values())
                    .noneMatch(c -> c.name().equals(b) && c.periodicity() != cn.huiyisheng.rules.facts.Periodicity.PARAMETER)) {
                problems.add(new cn.huiyisheng.rules.household.Problem("benefit", "INVALID_VALUE", "no benefit " + benefit, "没有此待遇：" + benefit));
            }
            boolean desc = false;
            if (!blank(dir) && !dir.equalsIgnoreCase("asc") && !(desc = dir.equalsIgnoreCase("desc"))) {
                problems.add(new cn.huiyisheng.rules.household.Problem("dir", "INVALID_VALUE", "asc or desc", "排序方向须为 asc 或 desc"));
            }
            boolean od = !blank(overdue) && (overdue.equalsIgnoreCase("true") || overdue.equals("1") || overdue.equalsIgnoreCase("on"));
            if (!blank(overdue) && !od && !overdue.equalsIgnoreCase("false") && !overdue.equals("0")) {
                problems.add(new cn.huiyisheng.rules.household.Problem("overdue", "INVALID_VALUE", "true or false", "是否超期须为 true 或 false"));
            }
            int p = number(page, 1, 1, 100_000, "page", "页码", problems);
            int n = number(size, defaultSize, 1, MAX_SIZE, "size", "每页条数", problems);
            String query = blank(q) ? null : q.strip();
            if (query != null && query.length() > 50) {
                problems.add(new cn.huiyisheng.rules.household.Problem("q", "TOO_LONG", "at most 50 characters", "搜索内容最多50个字符"));
            }
            String d = blank(district) ? null : district.strip();
            if (d != null && d.length() > 32) {
                problems.add(new cn.huiyisheng.rules.household.Problem("district", "TOO_LONG", "at most 32 characters", "区名最多32个字符"));
            }
            if (!problems.isEmpty()) {
                throw new BadInput(problems);
            }
            return new Filter(t, query, b, d, st, od, so, desc, p, n);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise, String name, String zh,
                                                     List<cn.huiyisheng.rules.household.Problem> problems) {
            if (blank(value)) {
                return otherwise;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            problems.add(new cn.huiyisheng.rules.household.Problem(name, "INVALID_VALUE", "one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    zh + "的取值无效：" + value));
            return otherwise;
        }

        private static int number(String value, int otherwise, int min, int max, String name, String zh,
                                  List<cn.huiyisheng.rules.household.Problem> problems) {
            if (blank(value)) {
                return otherwise;
            }
            try {
                int v = Integer.parseInt(value.strip());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new cn.huiyisheng.rules.household.Problem(name, "INVALID_VALUE", "a whole number from " + min + " to " + max,
                    zh + "须为" + min + "至" + max + "的整数"));
            return otherwise;
        }

        /** This filter on another page (the page's links keep every other choice). */
        public Filter onPage(int p) {
            return new Filter(tab, q, benefit, district, status, overdue, sort, descending, p, size);
        }

        TaskQuery query(CurrentUser user, List<String> groups, Instant now) {
            String reference = null;
            String idTail = null;
            String nameLike = null;
            if (q != null) {
                if (REFERENCE.matcher(q).matches()) {
                    reference = like(q.toUpperCase(java.util.Locale.ROOT)) + "%";
                } else if (ID_TAIL.matcher(q).matches()) {
                    idTail = q.toUpperCase(java.util.Locale.ROOT);
                } else {
                    nameLike = "%" + like(q) + "%";
                }
            }
            return new TaskQuery(tab.name(), user.username(), groups, user.personKey(), reference, idTail, nameLike,
                    benefit == null ? null : "%," + like(benefit) + ",%", district, status == null ? null : status.name(), overdue, now,
                    sort.column, descending, size, (page - 1) * size);
        }

        private static String like(String s) {
            return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    /** One page of a list: its rows, how many there are in all, and where this page is. */
    public record Page(Filter filter, List<TaskView> items, long total) {
        public int pages() {
            return (int) Math.max(1, (total + filter.size() - 1) / filter.size());
        }
    }

    /**
     * One page of the user's tasks (or of the claims they decided) and the list's size, in two
     * statements whatever the page holds. A task the user may not decide is not offered: the second approval of a claim they
     * reviewed (four eyes), and any task of a claim of their own household; a task someone has taken
     * is in that person's list only.
     */
    public Page page(CurrentUser user, Filter filter) {
        List<String> groups = groups(user.roles());
        if (groups.isEmpty()) {
            return new Page(filter, List.of(), 0);
        }
        Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        TaskQuery q = filter.query(user, groups, now);
        boolean done = filter.tab() == Tab.DONE;
        long total = done ? claims.doneCount(q) : claims.taskCount(q);
        List<TaskRow> rows = total <= q.offset() ? List.of() : done ? claims.donePage(q) : claims.taskPage(q);
        return new Page(filter, rows.stream().map(r -> view(r, now)).toList(), total);
    }

    /**
     * The claims stalled at their second approval because no one may give it (every supervisor
     * reviewed it or is of its household, or there is no supervisor): for the administrator, who
     * can give the role to someone who may. Each is also a row of its reviewer's "done" list.
     */
    public List<TaskView> blocked() {
        Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        return claims.blockedSecondApprovals().stream().map(r -> {
            r.setKind(ClaimProcess.TASK_SECOND_APPROVAL);
            return view(r, now);
        }).toList();
    }

    /**
     * How many tasks the user holds ("my tasks", on its tab): a short list by the assignee's index.
     * The group list's size is shown on its own page (it is the whole group's work: counting it on
     * every page would cost a scan of it).
     */
    public java.util.Map<Tab, Long> counts(CurrentUser user) {
        List<String> groups = groups(user.roles());
        if (groups.isEmpty()) {
            return java.util.Map.of(Tab.MINE, 0L);
        }
        Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        return java.util.Map.of(Tab.MINE, claims.taskCount(Filter.defaults(Tab.MINE).query(user, groups, now)));
    }

    private static TaskView view(TaskRow r, Instant now) {
        Long runId = null;
        if (r.getReference() == null && r.getBusinessKey() != null && r.getBusinessKey().startsWith("RUN-")) {
            try {
                runId = Long.parseLong(r.getBusinessKey().substring(4));
            } catch (NumberFormatException e) {
                runId = null;
            }
        }
        return new TaskView(r.getTaskId(), r.getName(), r.getKind(), r.getCreated(), r.getAssignee(), r.getReference(), r.getStatus(),
                r.getAmountTotal(), FORMATS.maskName(r.getApplicantName()), r.getReviewer(), runId, r.getDue(),
                r.getDue() != null && r.getDue().isBefore(now),
                r.getBenefits() == null || r.getBenefits().isEmpty() ? List.of() : List.of(r.getBenefits().split(",")),
                r.getSubmittedAt(), r.getDistrict(), r.getDecision(), r.getActedAt());
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
                c == null ? null : FORMATS.maskName(c.getApplicantName()), c == null ? null : c.getReviewer(),
                runId == null ? null : ((Number) runId).longValue(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getDueDate() != null && t.getDueDate().toInstant().isBefore(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()),
                c == null || c.getBenefits().isEmpty() ? List.of() : List.of(c.getBenefits().split(",")),
                c == null ? null : c.getSubmittedAt(), c == null ? null : c.getDistrict(), null, null);
    }

    private static final cn.huiyisheng.app.web.Formats FORMATS = new cn.huiyisheng.app.web.Formats();
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
