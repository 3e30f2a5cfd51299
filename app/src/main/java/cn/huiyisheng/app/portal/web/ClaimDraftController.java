package cn.huiyisheng.app.portal.web;

import cn.huiyisheng.app.claims.District;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.portal.ClaimDrafts;
import cn.huiyisheng.app.portal.Screener;
import cn.huiyisheng.app.portal.Screening;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.rules.facts.TableCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Claiming in the portal (issue 11 §2): a claim as a task list, each section a page posted and
 * redirected (no script needed), saved as a draft at every step and resumable from "my claims";
 * then the answers checked, the declaration (告知承诺) accepted, and the claim submitted: its
 * reference and what happens next. The household's facts are the calculator's answers.
 */
@Controller
public class ClaimDraftController {

    private final ClaimDrafts drafts;
    private final Screener screener;
    private final MessageSource messages;
    private final cn.huiyisheng.processes.claim.ClaimTimers timers;

    public ClaimDraftController(ClaimDrafts drafts, Screener screener, MessageSource messages,
                                cn.huiyisheng.processes.claim.ClaimTimers timers) {
        this.drafts = drafts;
        this.screener = screener;
        this.messages = messages;
        this.timers = timers;
    }

    private static Screening answered(HttpSession session) {
        Screening s = (Screening) session.getAttribute(CalculatorController.SESSION);
        return s != null && !s.situations().isEmpty() && s.next() == null ? s : null;
    }

    /** Before a draft is made: what it will start from (the calculator's answers), or the way to answer them first. */
    @GetMapping("/my/drafts/new")
    public String startPage(HttpSession session, Model model) {
        model.addAttribute("answered", answered(session) != null);
        return "portal/draft-new";
    }

    @PostMapping("/my/drafts")
    public String start(HttpSession session, Authentication auth) {
        Screening s = answered(session);
        if (s == null) {
            return "redirect:/";
        }
        Screener.Answer answer = screener.check(s);
        List<String> eligible = answer.eligible().stream().map(Screener.Outcome::benefit).toList();
        long id = drafts.start(auth.getName(), s.household(), eligible);
        return "redirect:/my/drafts/" + id;
    }

    @GetMapping("/my/drafts/{id}")
    public String tasks(@PathVariable long id, Authentication auth, Model model) {
        ClaimDrafts.Draft d = drafts.find(id, auth.getName());
        if (!"DRAFT".equals(d.status())) {
            return "redirect:/my/claims/" + d.claimReference();
        }
        model.addAttribute("d", d);
        return "portal/draft";
    }

    @GetMapping("/my/drafts/{id}/{section:benefits|household|documents|bank|check}")
    public String section(@PathVariable long id, @PathVariable String section, Authentication auth, Model model) {
        ClaimDrafts.Draft d = drafts.find(id, auth.getName());
        if (!"DRAFT".equals(d.status())) {
            return "redirect:/my/claims/" + d.claimReference();
        }
        model.addAttribute("d", d);
        model.addAttribute("section", section);
        model.addAttribute("benefitCodes", Arrays.stream(TableCode.values()).filter(TableCode::isBenefit).toList());
        model.addAttribute("districts", District.values());
        model.addAttribute("kinds", cn.huiyisheng.app.claims.DocumentKind.values());
        if (section.equals("benefits")) {
            model.addAttribute("held", drafts.held(auth.getName()));
        }
        return "portal/draft-" + section;
    }

    /** A refused step: the page again, every problem at the top and at its field, nothing kept. */
    private String refused(long id, String section, BadInput e, Authentication auth, Model model, Locale locale,
                           HttpServletResponse response, Map<String, String> typed) {
        response.setStatus(400);
        Map<String, String> errors = ClaimDrafts.byField(e, locale.getLanguage().equals("en"));
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.entrySet());
        model.addAttribute("typed", typed);
        return section(id, section, auth, model);
    }

    @PostMapping("/my/drafts/{id}/benefits")
    public String benefits(@PathVariable long id, @RequestParam(name = "benefit", required = false) List<String> benefits,
                           @RequestParam(required = false) String from, Authentication auth, Model model, Locale locale,
                           HttpServletResponse response) {
        try {
            drafts.saveBenefits(id, auth.getName(), benefits, from);
        } catch (BadInput e) {
            return refused(id, "benefits", e, auth, model, locale, response, Map.of("from", from == null ? "" : from));
        }
        return "redirect:/my/drafts/" + id;
    }

    @PostMapping("/my/drafts/{id}/household")
    public String household(@PathVariable long id, @RequestParam Map<String, String> form, Authentication auth, Model model,
                            Locale locale, HttpServletResponse response) {
        List<String> children = new java.util.ArrayList<>();
        for (int i = 0; form.containsKey("child" + i); i++) {
            children.add(form.get("child" + i));
        }
        try {
            drafts.saveHousehold(id, CurrentUser.of(auth), new ClaimDrafts.Identity(form.get("spouseName"), form.get("spouseId"), children,
                    form.get("district"), form.get("certificateNumber")));
        } catch (BadInput e) {
            return refused(id, "household", e, auth, model, locale, response, form);
        }
        return "redirect:/my/drafts/" + id;
    }

    @PostMapping("/my/drafts/{id}/documents")
    public String upload(@PathVariable long id, @RequestParam(required = false) String kind,
                         @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth, Model model, Locale locale,
                         HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        try {
            ClaimDrafts.Document d = drafts.addDocument(id, auth.getName(), kind, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes());
            redirect.addFlashAttribute("flash", messages.getMessage("draft.documents.added", new Object[]{d.filename()}, locale));
        } catch (BadInput e) {
            return refused(id, "documents", e, auth, model, locale, response, Map.of("kind", kind == null ? "" : kind));
        }
        return "redirect:/my/drafts/" + id + "/documents";
    }

    @PostMapping("/my/drafts/{id}/documents/{documentId}/delete")
    public String removeDocument(@PathVariable long id, @PathVariable long documentId, Authentication auth) {
        drafts.removeDocument(id, auth.getName(), documentId);
        return "redirect:/my/drafts/" + id + "/documents";
    }

    @PostMapping("/my/drafts/{id}/bank")
    public String bank(@PathVariable long id, @RequestParam(required = false) String bankAccount,
                       @RequestParam(required = false) String bankName, Authentication auth, Model model, Locale locale,
                       HttpServletResponse response) {
        try {
            drafts.saveBank(id, auth.getName(), bankAccount, bankName);
        } catch (BadInput e) {
            // the account number typed is not shown again in full: it is personal data
            return refused(id, "bank", e, auth, model, locale, response, Map.of("bankName", bankName == null ? "" : bankName));
        }
        return "redirect:/my/drafts/" + id;
    }

    @PostMapping("/my/drafts/{id}/submit")
    public String submit(@PathVariable long id, @RequestParam(required = false) String declaration, Authentication auth, Model model,
                         Locale locale, HttpServletResponse response) {
        try {
            drafts.submit(id, CurrentUser.of(auth), "yes".equals(declaration));
        } catch (BadInput e) {
            return refused(id, "check", e, auth, model, locale, response, Map.of());
        } catch (Conflict e) {
            model.addAttribute("error", e.getMessage());
            return section(id, "check", auth, model);
        }
        return "redirect:/my/drafts/" + id + "/done";
    }

    /** The confirmation: the claim's reference and what happens next. */
    @GetMapping("/my/drafts/{id}/done")
    public String done(@PathVariable long id, Authentication auth, Model model) {
        ClaimDrafts.Draft d = drafts.find(id, auth.getName());
        if ("DRAFT".equals(d.status())) {
            return "redirect:/my/drafts/" + id;
        }
        model.addAttribute("reference", d.claimReference());
        model.addAttribute("reviewDays", timers.reviewWorkingDays());
        return "portal/draft-done";
    }
}
