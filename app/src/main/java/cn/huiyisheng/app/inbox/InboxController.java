package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.claims.ReviewTasks;
import cn.huiyisheng.app.claims.ClaimView;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.payments.Payments;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.processes.claim.ClaimProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The server-rendered task inbox for reviewers, supervisors and payment officers. A thin adapter:
 * the same services as the REST API make every check.
 */
@Controller
@RequestMapping("/inbox")
public class InboxController {

    private final ReviewTasks tasks;
    private final TaskService taskService;
    private final Claims claims;
    private final Payments payments;
    private final MessageSource messages;
    private final cn.huiyisheng.app.web.Formats formats;

    /** Above this total a claim needs a supervisor's second approval (the task page says so). */
    private final java.math.BigDecimal secondApprovalThreshold;

    public InboxController(ReviewTasks tasks, TaskService taskService, Claims claims, Payments payments,
                           MessageSource messages, cn.huiyisheng.app.web.Formats formats,
                           @org.springframework.beans.factory.annotation.Value("${huiyisheng.claims.second-approval-threshold:5000.00}")
                           java.math.BigDecimal secondApprovalThreshold) {
        this.secondApprovalThreshold = secondApprovalThreshold;
        this.tasks = tasks;
        this.taskService = taskService;
        this.claims = claims;
        this.payments = payments;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * The task lists (my tasks, my groups' tasks, done by me), searched, filtered, sorted, a page
     * at a time; the same page answers htmx's partial requests (it swaps the results only).
     */
    @GetMapping
    public String inbox(Authentication auth, @RequestParam(required = false) String tab, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String benefit, @RequestParam(required = false) String district,
                        @RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                        @RequestParam(required = false) String page, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        ReviewTasks.Filter filter = ReviewTasks.Filter.parse(tab, q, benefit, district, status, overdue, sort, dir, page, null,
                ReviewTasks.Tab.GROUP, 20);
        if (filter.tab() == ReviewTasks.Tab.OPEN) {
            filter = ReviewTasks.Filter.parse("GROUP", q, benefit, district, status, overdue, sort, dir, page, null, ReviewTasks.Tab.GROUP, 20);
        }
        model.addAttribute("found", tasks.page(user, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("counts", tasks.counts(user));
        model.addAttribute("tabs", List.of(ReviewTasks.Tab.MINE, ReviewTasks.Tab.GROUP, ReviewTasks.Tab.DONE));
        model.addAttribute("benefits", java.util.Arrays.stream(cn.huiyisheng.rules.facts.TableCode.values())
                .filter(c -> c.periodicity() != cn.huiyisheng.rules.facts.Periodicity.PARAMETER).toList());
        model.addAttribute("districts", cn.huiyisheng.app.claims.District.values());
        model.addAttribute("statuses", cn.huiyisheng.app.claims.ClaimStatus.values());
        model.addAttribute("sorts", ReviewTasks.Sort.values());
        return "inbox/tasks";
    }

    /** For the administrator: claims no one may give the second approval of, and why. */
    @GetMapping("/blocked")
    public String blocked(Model model) {
        model.addAttribute("blocked", tasks.blocked());
        return "inbox/blocked";
    }

    @GetMapping("/tasks/{id}")
    public String task(Authentication auth, @PathVariable String id, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        Task task = tasks.task(id, user);
        ClaimView claim = claims.staffRead(tasks.claimReferenceOf(task), user.username())
                .orElseThrow(() -> new ApiErrors.NotFound("task " + id + " is not about a claim"));
        model.addAttribute("task", task);
        model.addAttribute("claim", claim);
        model.addAttribute("needsSecondApproval", claim.amountTotal() != null && claim.amountTotal().compareTo(secondApprovalThreshold) > 0);
        model.addAttribute("secondApprovalThreshold", secondApprovalThreshold);
        model.addAttribute("decisions", ClaimProcess.TASK_SECOND_APPROVAL.equals(task.getTaskDefinitionKey())
                ? List.of(ClaimProcess.Decision.APPROVE, ClaimProcess.Decision.REFUSE)
                : List.of(ClaimProcess.Decision.values()));
        model.addAttribute("canRequestInfo", !ClaimProcess.TASK_SECOND_APPROVAL.equals(task.getTaskDefinitionKey()));
        model.addAttribute("documentKinds", cn.huiyisheng.app.claims.DocumentKind.values());
        return "inbox/task";
    }

    @PostMapping("/tasks/{id}/take")
    public String take(Authentication auth, @PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            tasks.claim(id, user);
            redirect.addFlashAttribute("flash", messages.getMessage("done.taken", null, locale));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", refusal(e, locale));
        }
        return "redirect:/inbox/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/decide")
    public String decide(Authentication auth, @PathVariable String id, @RequestParam(required = false) ClaimProcess.Decision decision,
                         @RequestParam(required = false) String reason,
                         @RequestParam(name = "document", required = false) List<cn.huiyisheng.app.claims.DocumentKind> documents,
                         RedirectAttributes redirect, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        if (decision == ClaimProcess.Decision.REQUEST_INFO && documents != null && !documents.isEmpty()) {
            // the documents asked for, named in the request the applicant reads (in Chinese, then English)
            String zh = String.join("、", documents.stream().map(k -> messages.getMessage("doc." + k.name(), null, Locale.SIMPLIFIED_CHINESE))
                    .toList());
            String en = String.join(", ", documents.stream().map(k -> messages.getMessage("doc." + k.name(), null, Locale.ENGLISH)).toList());
            reason = (reason == null || reason.isBlank() ? "" : reason.strip() + "\n") + "需要提供的材料：" + zh + "\nDocuments needed: " + en;
        }
        Task open = taskService.createTaskQuery().taskId(id).singleResult();
        String claimReference = open == null ? null : tasks.claimReferenceOf(open);
        try {
            tasks.decide(id, user, new ReviewTasks.Decision(decision, reason));
            String reference = claimReference == null ? "" : claimReference;
            redirect.addFlashAttribute("flash", messages.getMessage("done.decided", new Object[]{reference}, locale));
            return "redirect:/inbox";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", refusal(e, locale));
        }
        return "redirect:/inbox/tasks/" + id;
    }

    @GetMapping("/payments")
    public String payments(Authentication auth, Model model, Locale locale) {
        List<Payments.RunView> runs = payments.runViews();
        model.addAttribute("runs", runs);
        model.addAttribute("due", payments.dueNow(CurrentUser.of(auth)));
        payments.inProgress().ifPresent(r -> {
            model.addAttribute("inProgress", inProgress(r.id(), r.startedBy(), r.startedAt(), r.status(), locale));
            if (r.status().equals("STARTED") && r.determining().chunksTotal() > 0) {
                model.addAttribute("determining", r.determining());
            }
        });
        model.addAttribute("heldNow", payments.heldNow());
        runsChart(runs, locale, model);
        return "inbox/payments";
    }

    /**
     * The progress of the run determining its chunks, for the payments page to poll (not the whole page,
     * whose run list is counted anew each time); once it is no longer determining, the page reloads.
     */
    @GetMapping("/payments/progress")
    public String progress(Model model, jakarta.servlet.http.HttpServletResponse response) {
        payments.inProgress().filter(r -> r.status().equals("STARTED") && r.determining().chunksTotal() > 0)
                .ifPresentOrElse(r -> model.addAttribute("determining", r.determining()), () -> response.setHeader("HX-Refresh", "true"));
        return "inbox/payments :: progress";
    }

    /**
     * A refusal in the page's language, by its stable code (four eyes, a conflict of interest, a task
     * someone else took …); the English message only for what has no words of its own yet.
     */
    private String refusal(RuntimeException e, Locale locale) {
        return Refusals.text(e, messages, locale);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CHART_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The last twelve reconciled runs as a bar chart (paid and failed, in yuan) with a summary in
     * words for those who do not see it; nothing when no run is reconciled yet.
     */
    private void runsChart(List<Payments.RunView> runs, Locale locale, Model model) {
        List<Payments.RunView> done = new java.util.ArrayList<>(runs.stream().filter(r -> r.outcome() != null).limit(12).toList());
        java.util.Collections.reverse(done); // the oldest first, left to right
        if (done.isEmpty()) {
            return;
        }
        List<String> names = done.stream().map(r -> messages.getMessage("payments.chart.run", new Object[]{r.id()}, locale)).toList();
        List<java.math.BigDecimal> paid = done.stream().map(r -> r.outcome().paidTotal()).toList();
        List<java.math.BigDecimal> failed = done.stream().map(r -> r.outcome().failedTotal()).toList();
        java.util.Map<String, Object> option = new java.util.LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", java.util.Map.of("trigger", "axis"));
        option.put("legend", java.util.Map.of("top", 0));
        option.put("grid", java.util.Map.of("left", 8, "right", 8, "bottom", 8, "top", 36, "containLabel", true));
        option.put("xAxis", java.util.Map.of("type", "category", "data", names));
        option.put("yAxis", java.util.Map.of("type", "value", "name", messages.getMessage("payments.chart.yuan", null, locale)));
        option.put("series", List.of(
                java.util.Map.of("name", messages.getMessage("payments.chart.paid", null, locale), "type", "bar", "stack", "total",
                        "data", paid, "itemStyle", java.util.Map.of("color", "#11652c")),
                java.util.Map.of("name", messages.getMessage("payments.chart.failed", null, locale), "type", "bar", "stack", "total",
                        "data", failed, "itemStyle", java.util.Map.of("color", "#a4161a"))));
        try {
            model.addAttribute("runsChart", CHART_JSON.writeValueAsString(option));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // no chart: the table below holds the figures
        }
        model.addAttribute("runsChartLabel", messages.getMessage("payments.chart.label", new Object[]{done.size(),
                formats.money(paid.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
                formats.money(failed.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))}, locale));
    }

    /** Why no run can start now, in the page's language. */
    private String inProgress(long runId, String startedBy, java.time.Instant startedAt, String status, Locale locale) {
        return messages.getMessage("payments.inProgress", new Object[]{runId, startedBy, formats.time(startedAt),
                messages.getMessage("run." + status, null, status, locale)}, locale);
    }

    @PostMapping("/payments/start")
    public String start(Authentication auth, @RequestParam(required = false) Boolean confirm, RedirectAttributes redirect,
                        Locale locale) {
        if (!Boolean.TRUE.equals(confirm)) {
            // the officer confirms what the run will pay, shown on the page, before it starts
            redirect.addFlashAttribute("error", messages.getMessage("payments.confirm.missing", null, locale));
            return "redirect:/inbox/payments";
        }
        try {
            long id = payments.startRun(CurrentUser.of(auth)).id();
            redirect.addFlashAttribute("flash", messages.getMessage("done.run", new Object[]{id}, locale));
        } catch (Payments.RunInProgress busy) {
            redirect.addFlashAttribute("error", inProgress(busy.runId(), busy.startedBy(), busy.startedAt(), busy.status(), locale));
        }
        return "redirect:/inbox/payments";
    }

    /** A document of a claim, for its reviewer or supervisor, as a download (the read is in the security trail). */
    @GetMapping("/claims/{reference}/documents/{documentId}")
    public ResponseEntity<byte[]> document(Authentication auth, @PathVariable String reference, @PathVariable long documentId) {
        cn.huiyisheng.app.claims.Claims.DocumentContent d = claims.document(reference, documentId, CurrentUser.of(auth));
        return cn.huiyisheng.app.web.Attachments.of(d.filename(), d.contentType(), d.content());
    }

    @GetMapping("/payments/{id}/files/{payer}")
    public ResponseEntity<byte[]> file(Authentication auth, @PathVariable long id, @PathVariable String payer) {
        Payments.BankFile f = payments.bankFile(id, payer, CurrentUser.of(auth));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .contentType(new MediaType("text", "csv", f.charset())).body(f.content());
    }

    /** A refused return file's problems, kept in the officer's session for the download (nothing is stored). */
    record ReturnProblems(long runId, List<Kept> all) implements java.io.Serializable {
        record Kept(String path, String code, String message, String zh) implements java.io.Serializable {
        }

        static ReturnProblems of(long runId, List<cn.huiyisheng.rules.household.Problem> problems) {
            return new ReturnProblems(runId, new java.util.ArrayList<>(problems.stream()
                    .map(p -> new Kept(p.path(), p.code(), p.message(), p.zh())).toList()));
        }

        List<cn.huiyisheng.rules.household.Problem> problems() {
            return all.stream().map(k -> new cn.huiyisheng.rules.household.Problem(k.path(), k.code(), k.message(), k.zh())).toList();
        }
    }

    /** One problem as the page lists it: where (第5行 / line 5) and what, in the page's language. */
    public record ShownProblem(String where, String text) {
    }

    /** The summary at the top of the page: the first problems, how many in all, and the run. */
    public record ReturnSummary(long runId, List<ShownProblem> first, int total) {
    }

    static final String RETURN_PROBLEMS = "huiyisheng.returnFileProblems";
    private static final int SHOWN = 10;

    @PostMapping("/payments/{id}/return-file")
    public String importReturn(Authentication auth, @PathVariable long id, @RequestParam("file") MultipartFile file,
                               RedirectAttributes redirect, Locale locale, jakarta.servlet.http.HttpSession session) throws IOException {
        session.removeAttribute(RETURN_PROBLEMS);
        if (file.getSize() > 5L * 1024 * 1024) {
            // uploads may be larger (a claim's document, 10 MB): a return file stays at 5 MB, as through the API
            throw new org.springframework.web.multipart.MaxUploadSizeExceededException(5L * 1024 * 1024);
        }
        try {
            payments.importReturnFile(id, CurrentUser.of(auth), file.getBytes());
            redirect.addFlashAttribute("flash", messages.getMessage("done.imported", new Object[]{id}, locale));
        } catch (cn.huiyisheng.app.web.BadInput e) {
            // the file changed nothing: every problem summarised at the top, the whole list to download
            session.setAttribute(RETURN_PROBLEMS, ReturnProblems.of(id, e.problems()));
            boolean en = locale.getLanguage().equals("en");
            List<ShownProblem> first = e.problems().stream().limit(SHOWN).map(p -> new ShownProblem(where(p.path(), locale),
                    en ? p.message() : p.zh())).toList();
            redirect.addFlashAttribute("returnSummary", new ReturnSummary(id, first, e.problems().size()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", refusal(e, locale));
        }
        return "redirect:/inbox/payments";
    }

    /** "line 5" as 第5行 or line 5; "line *" (the file as a whole) as 整个文件 or whole file. */
    private String where(String path, Locale locale) {
        if (path != null && path.startsWith("line ")) {
            String n = path.substring(5);
            return n.equals("*") ? messages.getMessage("payments.problem.file", null, locale)
                    : messages.getMessage("payments.problem.line", new Object[]{n}, locale);
        }
        return path;
    }

    /** A reconciled run's failed payments with the bank's reasons, as CSV. */
    @GetMapping("/payments/{id}/failures")
    public ResponseEntity<byte[]> failures(@PathVariable long id) {
        Payments.BankFile f = payments.failures(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .contentType(new MediaType("text", "csv", f.charset())).body(f.content());
    }

    /** The refused return file's whole list of problems, as CSV (from this session; 404 once another file was imported). */
    @GetMapping("/payments/{id}/return-problems")
    public ResponseEntity<byte[]> returnProblems(@PathVariable long id, jakarta.servlet.http.HttpSession session) {
        if (!(session.getAttribute(RETURN_PROBLEMS) instanceof ReturnProblems kept) || kept.runId() != id) {
            throw new ApiErrors.NotFound("no refused return file of run " + id + " in this session");
        }
        Payments.BankFile f = payments.returnFileProblems(id, kept.problems());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .contentType(new MediaType("text", "csv", f.charset())).body(f.content());
    }
}
