package cn.huiyisheng.app.portal.web;

import cn.huiyisheng.app.claims.ClaimStatus;
import cn.huiyisheng.app.claims.ClaimView;
import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.processes.claim.ClaimTimers;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The applicant's own claims in the portal (issue 11 §3): the list, and each claim's steps in
 * words (received, evaluated, in review, information requested, decided, paid; who does each and
 * by when), its record, its payments; answering a request for information and appealing a refusal
 * here, through the same services (and checks) as the API. Only the applicant's own: another's
 * claim is "not found", and the attempt is in the security trail ({@link Claims#visible}).
 */
@Controller
public class MyClaimsController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Claims claims;
    private final ClaimTimers timers;
    private final MessageSource messages;
    private final cn.huiyisheng.app.portal.ClaimDrafts drafts;
    private final java.time.Clock clock;

    public MyClaimsController(Claims claims, ClaimTimers timers, MessageSource messages, cn.huiyisheng.app.portal.ClaimDrafts drafts,
                              java.time.Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
        this.claims = claims;
        this.timers = timers;
        this.messages = messages;
    }

    @GetMapping("/my")
    public String mine(Authentication auth, Model model) {
        model.addAttribute("claims", claims.mineSummaries(auth.getName()));
        model.addAttribute("drafts", drafts.open(auth.getName()));
        return "portal/my";
    }

    /** One step of a claim as its applicant follows it: done, the current one, or still to come; who does it and by when. */
    public record Step(String key, String state, Instant at, LocalDate due) {
    }

    @GetMapping("/my/claims/{reference}")
    public String claim(@PathVariable String reference, Authentication auth, Model model) {
        ClaimView view = claims.readOwn(reference, auth.getName());
        model.addAttribute("kinds", cn.huiyisheng.app.claims.DocumentKind.values());
        model.addAttribute("changeKinds", cn.huiyisheng.app.payments.LifeEvents.Kind.values());
        model.addAttribute("reports", "APPROVED".equals(view.status()) ? claims.changeReportsOwn(reference, auth.getName()) : List.of());
        model.addAttribute("claim", view);
        model.addAttribute("steps", steps(view));
        model.addAttribute("answerDue", due(view, "REVIEWED_REQUEST_INFO", timers.answerDays()));
        model.addAttribute("appealDue", due(view, "REVIEWED_REFUSE", timers.appealDays()));
        model.addAttribute("reviewDays", timers.reviewWorkingDays());
        model.addAttribute("answerDays", timers.answerDays());
        model.addAttribute("appealDays", timers.appealDays());
        return "portal/claim";
    }

    /** The last day to act after the latest event of this type (a request, a refusal), or null when there is none. */
    private static LocalDate due(ClaimView view, String type, int days) {
        Instant last = null;
        for (ClaimView.Event e : view.timeline()) {
            if (e.type().equals(type) || type.equals("REVIEWED_REFUSE") && e.type().equals("SECOND_APPROVAL_REFUSE")) {
                last = e.at();
            }
        }
        return last == null ? null : last.atZone(SHANGHAI).toLocalDate().plusDays(days);
    }

    /**
     * The claim's steps: received and evaluated (at once), in review (the district office, within its
     * working days), information requested (only when asked), decided, paid (by the monthly runs).
     */
    private static List<Step> steps(ClaimView view) {
        Instant submitted = view.submittedAt();
        Instant evaluated = first(view, "EVALUATED");
        Instant requested = last(view, "REVIEWED_REQUEST_INFO");
        Instant decided = view.decidedAt();
        boolean paid = view.payments().stream().anyMatch(p -> "PAID".equals(p.status()));
        ClaimStatus status = ClaimStatus.valueOf(view.status());
        boolean approved = status == ClaimStatus.APPROVED || status == ClaimStatus.CLOSED;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("received", "done", submitted, null));
        steps.add(new Step("evaluated", evaluated != null ? "done" : "current", evaluated, null));
        // the review waits while the applicant is asked for more; it goes on once they answer
        String review = decided != null ? "done" : evaluated == null ? "todo" : status == ClaimStatus.INFO_REQUESTED ? "paused" : "current";
        steps.add(new Step("review", review, null, null));
        if (requested != null) {
            steps.add(new Step("information", status == ClaimStatus.INFO_REQUESTED ? "current" : "done", requested, null));
        }
        steps.add(new Step("decided", decided != null ? "done" : "todo", decided, null));
        if (decided == null || approved) {
            steps.add(new Step("paid", paid ? "done" : approved ? "current" : "todo", null, null));
        }
        return steps;
    }

    private static Instant first(ClaimView view, String type) {
        return view.timeline().stream().filter(e -> e.type().equals(type)).map(ClaimView.Event::at).findFirst().orElse(null);
    }

    private static Instant last(ClaimView view, String type) {
        return view.timeline().stream().filter(e -> e.type().equals(type)).map(ClaimView.Event::at).reduce((a, b) -> b).orElse(null);
    }

    /** A document of one's own claim, as a download. */
    @GetMapping("/my/claims/{reference}/documents/{id}")
    public org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable long id,
                                                                    Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        Claims.DocumentContent d = claims.document(reference, id, new CurrentUser(me.username(), java.util.Set.of(), me.personKey()));
        return cn.huiyisheng.app.web.Attachments.of(d.filename(), d.contentType(), d.content());
    }

    @PostMapping("/my/claims/{reference}/information")
    public String answer(@PathVariable String reference, @RequestParam(required = false) String note,
                         @RequestParam(required = false) String kind,
                         @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                         Authentication auth, RedirectAttributes redirect, Locale locale) throws java.io.IOException {
        CurrentUser user = CurrentUser.of(auth);
        if (note == null || note.isBlank() || note.strip().length() > 2000) {
            redirect.addFlashAttribute("error", messages.getMessage("my.answer.required", null, locale));
            return "redirect:/my/claims/" + reference + "#answer";
        }
        List<Claims.Document> documents = new ArrayList<>();
        if (file != null && !file.isEmpty()) {
            try {
                documents.add(cn.huiyisheng.app.portal.Uploads.check(kind, file.getOriginalFilename(), file.getBytes()));
            } catch (BadInput e) {
                // the document is refused before anything is sent: the answer waits for a right one
                redirect.addFlashAttribute("error", locale.getLanguage().equals("en") ? e.problems().get(0).message()
                        : e.problems().get(0).zh());
                return "redirect:/my/claims/" + reference + "#answer";
            }
        }
        try {
            claims.answerOwn(reference, user, note.strip(), documents);
            redirect.addFlashAttribute("flash", messages.getMessage("my.answer.sent", null, locale));
        } catch (Conflict c) {
            redirect.addFlashAttribute("error", messages.getMessage("my.answer.closed", null, locale));
        }
        return "redirect:/my/claims/" + reference;
    }

    /** Correcting the household's facts in answer to a request: the form, filled in with the facts as they stand. */
    @GetMapping("/my/claims/{reference}/correct")
    public String correctPage(@PathVariable String reference, Authentication auth, Model model) {
        ClaimView view = claims.readOwn(reference, auth.getName());
        if (!ClaimStatus.INFO_REQUESTED.name().equals(view.status())) {
            return "redirect:/my/claims/" + reference;
        }
        Household h = claims.householdOwn(reference, auth.getName());
        model.addAttribute("claim", view);
        model.addAttribute("h", h);
        model.addAttribute("s", cn.huiyisheng.app.portal.Correction.of(h));
        return "portal/correct";
    }

    /**
     * The corrected facts, with a note: each field checked (the problems at the top and at their
     * fields, nothing sent), then checked as a claim's household is, then sent as the answer; the
     * claim is evaluated again on them.
     */
    @PostMapping("/my/claims/{reference}/correct")
    public String correct(@PathVariable String reference, @RequestParam java.util.Map<String, String> form, Authentication auth,
                          Model model, Locale locale, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        ClaimView view = claims.readOwn(reference, auth.getName());
        if (!ClaimStatus.INFO_REQUESTED.name().equals(view.status())) {
            redirect.addFlashAttribute("error", messages.getMessage("my.answer.closed", null, locale));
            return "redirect:/my/claims/" + reference;
        }
        Household h = claims.householdOwn(reference, auth.getName());
        cn.huiyisheng.app.portal.Correction c = cn.huiyisheng.app.portal.Correction.posted(form, h);
        String note = form.getOrDefault("note", "").strip();
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (cn.huiyisheng.app.portal.Screening.FieldProblem p : c.problems(h, LocalDate.now(clock))) {
            errors.putIfAbsent(p.field(), messages.getMessage(p.key(), p.args().toArray(), locale));
        }
        if (note.length() > 2000) {
            errors.put("note", messages.getMessage("my.answer.required", null, locale));
        }
        Household corrected = errors.isEmpty() ? c.apply(h) : null;
        if (corrected != null && corrected.equals(h)) {
            errors.put(firstField(h), messages.getMessage("my.correct.unchanged", null, locale));
        }
        if (errors.isEmpty()) {
            try {
                claims.answerOwn(reference, CurrentUser.of(auth), note.isEmpty() ? null : note, List.of(), corrected);
                redirect.addFlashAttribute("flash", messages.getMessage("my.correct.sent", null, locale));
                return "redirect:/my/claims/" + reference;
            } catch (BadInput e) {
                // the facts do not hold together as a household (the claim's own checks): said as the validator says it
                e.problems().forEach(p -> errors.putIfAbsent("household", locale.getLanguage().equals("en") ? p.message() : p.zh()));
            } catch (Conflict e) {
                redirect.addFlashAttribute("error", messages.getMessage("my.answer.closed", null, locale));
                return "redirect:/my/claims/" + reference;
            }
        }
        response.setStatus(400);
        model.addAttribute("claim", view);
        model.addAttribute("h", h);
        model.addAttribute("s", c);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.entrySet());
        return "portal/correct";
    }

    /** The form's first field: where "nothing was changed" is shown. */
    private static String firstField(Household h) {
        return h.children().isEmpty() ? (h.certificate() != null ? "certY" : "retiredY") : "c0Status";
    }

    /** A change of the household reported by the applicant, for a reviewer to check and record. */
    @PostMapping("/my/claims/{reference}/changes")
    public String reportChange(@PathVariable String reference, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String date, @RequestParam(required = false) String note,
                               Authentication auth, RedirectAttributes redirect, Locale locale) {
        try {
            cn.huiyisheng.app.payments.LifeEvents.Kind k = kind == null || kind.isBlank() ? null
                    : cn.huiyisheng.app.payments.LifeEvents.Kind.valueOf(kind);
            LocalDate d = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
            claims.reportChange(reference, auth.getName(), k, d, note);
            redirect.addFlashAttribute("flash", messages.getMessage("my.change.sent", null, locale));
        } catch (BadInput e) {
            redirect.addFlashAttribute("error", String.join("；", e.problems().stream()
                    .map(p -> locale.getLanguage().equals("en") ? p.message() : p.zh()).toList()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            redirect.addFlashAttribute("error", messages.getMessage("check.error.invalid", null, locale));
        } catch (Conflict c) {
            redirect.addFlashAttribute("error", c.getMessage());
        }
        return "redirect:/my/claims/" + reference + "#change";
    }

    @PostMapping("/my/claims/{reference}/appeal")
    public String appeal(@PathVariable String reference, @RequestParam(required = false) String reason, Authentication auth,
                         RedirectAttributes redirect, Locale locale) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            redirect.addFlashAttribute("error", messages.getMessage("my.appeal.required", null, locale));
            return "redirect:/my/claims/" + reference + "#appeal";
        }
        try {
            claims.appealOwn(reference, auth.getName(), reason.strip());
            redirect.addFlashAttribute("flash", messages.getMessage("my.appeal.sent", null, locale));
        } catch (Conflict | BadInput c) {
            redirect.addFlashAttribute("error", messages.getMessage("my.appeal.closed", null, locale));
        }
        return "redirect:/my/claims/" + reference;
    }
}
