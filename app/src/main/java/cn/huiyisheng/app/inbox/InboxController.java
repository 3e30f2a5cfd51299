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

    /** Above this total a claim needs a supervisor's second approval (the task page says so). */
    private final java.math.BigDecimal secondApprovalThreshold;

    public InboxController(ReviewTasks tasks, TaskService taskService, Claims claims, Payments payments,
                           MessageSource messages,
                           @org.springframework.beans.factory.annotation.Value("${huiyisheng.claims.second-approval-threshold:5000.00}")
                           java.math.BigDecimal secondApprovalThreshold) {
        this.secondApprovalThreshold = secondApprovalThreshold;
        this.tasks = tasks;
        this.taskService = taskService;
        this.claims = claims;
        this.payments = payments;
        this.messages = messages;
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
        return "inbox/task";
    }

    @PostMapping("/tasks/{id}/take")
    public String take(Authentication auth, @PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            tasks.claim(id, user);
            redirect.addFlashAttribute("flash", messages.getMessage("done.taken", null, locale));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inbox/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/decide")
    public String decide(Authentication auth, @PathVariable String id, @RequestParam(required = false) ClaimProcess.Decision decision,
                         @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        Task open = taskService.createTaskQuery().taskId(id).singleResult();
        String claimReference = open == null ? null : tasks.claimReferenceOf(open);
        try {
            tasks.decide(id, user, new ReviewTasks.Decision(decision, reason));
            String reference = claimReference == null ? "" : claimReference;
            redirect.addFlashAttribute("flash", messages.getMessage("done.decided", new Object[]{reference}, locale));
            return "redirect:/inbox";
        } catch (cn.huiyisheng.app.web.BadInput e) {
            redirect.addFlashAttribute("error", e.problems().stream().map(p -> locale.getLanguage().equals("zh") ? p.zh() : p.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inbox/tasks/" + id;
    }

    @GetMapping("/payments")
    public String payments(Authentication auth, Model model) {
        model.addAttribute("runs", payments.runViews());
        model.addAttribute("due", payments.dueNow(CurrentUser.of(auth)));
        return "inbox/payments";
    }

    @PostMapping("/payments/start")
    public String start(Authentication auth, @RequestParam(required = false) Boolean confirm, RedirectAttributes redirect,
                        Locale locale) {
        if (!Boolean.TRUE.equals(confirm)) {
            // the officer confirms what the run will pay, shown on the page, before it starts
            redirect.addFlashAttribute("error", messages.getMessage("payments.confirm.missing", null, locale));
            return "redirect:/inbox/payments";
        }
        long id = payments.startRun(CurrentUser.of(auth)).id();
        redirect.addFlashAttribute("flash", messages.getMessage("done.run", new Object[]{id}, locale));
        return "redirect:/inbox/payments";
    }

    @GetMapping("/payments/{id}/files/{payer}")
    public ResponseEntity<byte[]> file(Authentication auth, @PathVariable long id, @PathVariable String payer) {
        Payments.BankFile f = payments.bankFile(id, payer, CurrentUser.of(auth));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .contentType(new MediaType("text", "csv", f.charset())).body(f.content());
    }

    @PostMapping("/payments/{id}/return-file")
    public String importReturn(Authentication auth, @PathVariable long id, @RequestParam("file") MultipartFile file,
                               RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            payments.importReturnFile(id, CurrentUser.of(auth), file.getBytes());
            redirect.addFlashAttribute("flash", messages.getMessage("done.imported", new Object[]{id}, locale));
        } catch (cn.huiyisheng.app.web.BadInput e) {
            redirect.addFlashAttribute("error", e.problems().stream().map(p -> p.path() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inbox/payments";
    }
}
