package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.payments.Corrections;
import cn.huiyisheng.app.payments.RecurringEntitlements;
import cn.huiyisheng.app.web.ApiErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The reviewers' entitlement work (issue 10 §6): what the monthly runs left for a person to decide —
 * standing entitlements held (a stop, or a change beyond the ratio under the same version) and
 * overpayments — and each standing entitlement's page: its months paid with the versions that decided
 * them, top-ups, overpayments, the household's life events and the yearly confirmation due.
 *
 * <p>These are tasks of the workbench but not Camunda user tasks: a hold and an overpayment are states
 * of our own records, decided once by a guarded update (never one's own household's); a task in the
 * engine would be a second copy of that state to keep in step, with nothing to route.
 */
@Controller
@RequestMapping("/inbox")
public class EntitlementPages {

    private final RecurringEntitlements entitlements;
    private final Corrections corrections;
    private final MessageSource messages;
    private final cn.huiyisheng.app.audit.SecurityTrail trail;

    private final cn.huiyisheng.app.claims.Claims claims;
    private final cn.huiyisheng.app.payments.LifeEvents lifeEvents;

    public EntitlementPages(RecurringEntitlements entitlements, Corrections corrections, MessageSource messages,
                            cn.huiyisheng.app.audit.SecurityTrail trail, cn.huiyisheng.app.claims.Claims claims,
                            cn.huiyisheng.app.payments.LifeEvents lifeEvents) {
        this.claims = claims;
        this.lifeEvents = lifeEvents;
        this.entitlements = entitlements;
        this.corrections = corrections;
        this.messages = messages;
        this.trail = trail;
    }

    @GetMapping("/entitlements")
    public String list(Model model) {
        model.addAttribute("held", entitlements.heldItems());
        model.addAttribute("overpayments", corrections.openOverpaymentsForReview());
        model.addAttribute("reports", lifeEvents.openReports());
        return "inbox/entitlements";
    }

    /** An entitlement's page shows the household's life events (evidence masked): a staff read of household facts, recorded. */
    @GetMapping("/entitlements/{id}")
    public String page(Authentication auth, @PathVariable long id, Model model) {
        RecurringEntitlements.Page page = entitlements.page(id).orElseThrow(() -> new ApiErrors.NotFound("no standing entitlement " + id));
        trail.record(auth.getName(), cn.huiyisheng.app.audit.SecurityTrail.Type.READ_HOUSEHOLD, "OK", "claim " + page.claimReference(),
                "standing entitlement " + id);
        model.addAttribute("e", page);
        model.addAttribute("overpaymentDecisions", Corrections.Decision.values());
        model.addAttribute("decisions", RecurringEntitlements.Decision.values());
        model.addAttribute("eventKinds", cn.huiyisheng.app.payments.LifeEvents.Kind.values());
        return "inbox/entitlement";
    }

    /**
     * A life event of the entitlement's household recorded from its page (issue 10 §4 in the
     * workbench): the same service as the API, with its checks (never one's own household, every
     * problem by field, nothing changed by a bad event); what it changed is said in the notice.
     */
    @PostMapping("/entitlements/{id}/life-event")
    public String lifeEvent(Authentication auth, @PathVariable long id, @RequestParam java.util.Map<String, String> form,
                            RedirectAttributes redirect, Locale locale) {
        RecurringEntitlements.Page page = entitlements.page(id).orElseThrow(() -> new ApiErrors.NotFound("no standing entitlement " + id));
        try {
            cn.huiyisheng.app.payments.LifeEvents.Event event = new cn.huiyisheng.app.payments.LifeEvents.Event(
                    enumOf(cn.huiyisheng.app.payments.LifeEvents.Kind.class, form.get("kind")), blank(form.get("subject")),
                    date(form.get("date")), blank(form.get("evidence")), blank(form.get("childName")),
                    enumOf(cn.huiyisheng.rules.household.Sex.class, form.get("childSex")), date(form.get("childBirthDate")),
                    blank(form.get("disabilityGrade")) == null ? null : Integer.valueOf(form.get("disabilityGrade").strip()));
            cn.huiyisheng.app.payments.LifeEvents.Recorded r = claims.recordLifeEvent(page.claimReference(), CurrentUser.of(auth), event);
            redirect.addFlashAttribute("flash", messages.getMessage("lifeEvent.recorded", new Object[]{r.cancelled(), r.overpayments(),
                    r.topUps(), r.ended()}, locale));
        } catch (cn.huiyisheng.app.web.BadInput e) {
            redirect.addFlashAttribute("error", String.join("; ", e.problems().stream()
                    .map(p -> p.path().replace("$.", "") + ": " + (locale.getLanguage().equals("en") ? p.message() : p.zh())).toList()));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EntitlementPages.class).warn("life event of standing entitlement {} not recorded: {}", id,
                    e.toString(), e);
            redirect.addFlashAttribute("error", Refusals.text(e, messages, locale));
        }
        return "redirect:/inbox/entitlements/" + id + "#events-heading";
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static java.time.LocalDate date(String v) {
        try {
            return blank(v) == null ? null : java.time.LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.huiyisheng.app.web.BadInput("$.date", "INVALID_VALUE", "a date as YYYY-MM-DD", "日期格式应为 年-月-日");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        try {
            return blank(v) == null ? null : Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw new cn.huiyisheng.app.web.BadInput("$.kind", "INVALID_VALUE", "one of the listed values", "请从列出的选项中选择");
        }
    }

    @PostMapping("/entitlements/{id}/decide")
    public String decide(Authentication auth, @PathVariable long id, @RequestParam(required = false) RecurringEntitlements.Decision decision,
                         @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            entitlements.decide(id, decision, reason, CurrentUser.of(auth));
            redirect.addFlashAttribute("flash", messages.getMessage("entitlement.decided." + decision, null, locale));
            return "redirect:/inbox/entitlements";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", Refusals.text(e, messages, locale));
            return "redirect:/inbox/entitlements/" + id;
        }
    }

    /** A change an applicant reported, marked handled by a reviewer (once; the life event itself is recorded on the entitlement's page). */
    @PostMapping("/change-reports/{id}/handled")
    public String handled(Authentication auth, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            lifeEvents.handleReport(id, CurrentUser.of(auth));
            redirect.addFlashAttribute("flash", messages.getMessage("entitlements.reports.handled", null, locale));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", Refusals.text(e, messages, locale));
        }
        return "redirect:/inbox/entitlements";
    }

    /** An overpayment's decision, from the list or from an entitlement's page ({@code standing}: back to that page). */
    @PostMapping("/overpayments/{id}/decide")
    public String decideOverpayment(Authentication auth, @PathVariable long id, @RequestParam(required = false) Corrections.Decision decision,
                                    @RequestParam(required = false) String reason, @RequestParam(required = false) Long standing,
                                    RedirectAttributes redirect, Locale locale) {
        String back = standing == null ? "redirect:/inbox/entitlements" : "redirect:/inbox/entitlements/" + standing;
        try {
            corrections.decideOverpayment(id, decision, reason, CurrentUser.of(auth));
            redirect.addFlashAttribute("flash", messages.getMessage("overpayment.decided." + decision, null, locale));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", Refusals.text(e, messages, locale));
        }
        return back;
    }
}
