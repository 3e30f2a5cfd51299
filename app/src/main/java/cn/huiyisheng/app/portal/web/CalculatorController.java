package cn.huiyisheng.app.portal.web;

import cn.huiyisheng.app.portal.Screener;
import cn.huiyisheng.app.portal.Screening;
import cn.huiyisheng.app.portal.Situation;
import cn.huiyisheng.app.portal.Step;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calculator, open to everyone at the site's root: start from life situations, one question a
 * page (with a way back and how far along), check the answers, then the result per benefit. Plain
 * forms posted and redirected (no script needed); the answers live in the session only.
 */
@Controller
public class CalculatorController {

    static final String SESSION = "portal.screening";

    private final Screener screener;
    private final MessageSource messages;
    private final Clock clock;

    private final cn.huiyisheng.app.web.AddressRateLimit limit;
    private final cn.huiyisheng.app.portal.ClaimDrafts drafts;

    public CalculatorController(Screener screener, MessageSource messages, Clock clock, cn.huiyisheng.app.portal.ClaimDrafts drafts,
                                @org.springframework.beans.factory.annotation.Value("${huiyisheng.portal.results-per-minute:30}") int perMinute) {
        this.screener = screener;
        this.drafts = drafts;
        this.messages = messages;
        this.clock = clock;
        this.limit = new cn.huiyisheng.app.web.AddressRateLimit(perMinute, clock);
    }

    private static Screening screening(HttpSession session) {
        Screening s = (Screening) session.getAttribute(SESSION);
        if (s == null) {
            s = new Screening();
            session.setAttribute(SESSION, s);
        }
        return s;
    }

    /** The start page: what the calculator does, and the life situations to choose from. */
    @GetMapping("/")
    public String start(HttpSession session, Model model) {
        model.addAttribute("situations", Situation.values());
        model.addAttribute("chosen", screening(session).situations());
        return "portal/start";
    }

    @PostMapping("/check")
    public String choose(@RequestParam(name = "situation", required = false) List<String> chosen, HttpSession session, Model model,
                         Locale locale, HttpServletResponse response) {
        EnumSet<Situation> situations = EnumSet.noneOf(Situation.class);
        if (chosen != null) {
            for (String c : chosen) {
                try {
                    situations.add(Situation.valueOf(c));
                } catch (IllegalArgumentException unknown) {
                    // a situation we do not offer: ignored, the others stand
                }
            }
        }
        if (situations.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("situations", Situation.values());
            model.addAttribute("chosen", situations);
            model.addAttribute("problems", messages(List.of(new Screening.FieldProblem("situation-" + Situation.values()[0].name(),
                    "check.error.choose.situation", List.of())), locale).entrySet());
            return "portal/start";
        }
        Screening s = screening(session);
        s.choose(situations);
        return "redirect:/check/" + s.steps().get(0).slug();
    }

    @GetMapping("/check/{step}")
    public String question(@PathVariable String step, HttpSession session, Model model) {
        Screening s = screening(session);
        Step q = Step.ofSlug(step).orElse(null);
        if (s.situations().isEmpty()) {
            return "redirect:/";
        }
        if (q == null || !s.steps().contains(q)) {
            return "redirect:/check/answers";
        }
        page(s, q, model);
        return "portal/question";
    }

    private void page(Screening s, Step q, Model model) {
        List<Step> steps = s.steps();
        model.addAttribute("s", s);
        model.addAttribute("step", q);
        model.addAttribute("number", steps.indexOf(q) + 1);
        model.addAttribute("total", steps.size());
        Step back = s.previous(q);
        model.addAttribute("back", back == null ? "/" : "/check/" + back.slug());
    }

    @PostMapping("/check/{step}")
    public String answer(@PathVariable String step, @RequestParam Map<String, String> posted, HttpSession session, Model model,
                         HttpServletResponse response, Locale locale) {
        Screening s = screening(session);
        Step q = Step.ofSlug(step).orElse(null);
        if (s.situations().isEmpty()) {
            return "redirect:/";
        }
        if (q == null || !s.steps().contains(q)) {
            return "redirect:/check/answers";
        }
        List<Screening.FieldProblem> problems = s.answer(q, posted, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            response.setStatus(400);
            page(s, q, model);
            Map<String, String> errors = messages(problems, locale);
            model.addAttribute("problems", errors.entrySet());
            model.addAttribute("errors", errors);
            return "portal/question";
        }
        // from "change" on the answers page, back there; otherwise on to the next question not answered
        if ("answers".equals(posted.get("return")) && s.next() == null) {
            return "redirect:/check/answers";
        }
        Step next = s.next();
        return next == null ? "redirect:/check/answers" : "redirect:/check/" + next.slug();
    }

    /** Each problem's words, in the reader's language, by the id of its field (the error summary's links), in order. */
    private Map<String, String> messages(List<Screening.FieldProblem> problems, Locale locale) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Screening.FieldProblem p : problems) {
            out.putIfAbsent(p.field(), messages.getMessage(p.key(), p.args().toArray(), locale));
        }
        return out;
    }

    /** Check your answers: each with a link to change it. */
    @GetMapping("/check/answers")
    public String answers(HttpSession session, Model model, Locale locale) {
        Screening s = screening(session);
        if (s.situations().isEmpty()) {
            return "redirect:/";
        }
        Step next = s.next();
        if (next != null) {
            return "redirect:/check/" + next.slug();
        }
        model.addAttribute("s", s);
        model.addAttribute("rows", rows(s, locale));
        List<Step> steps = s.steps();
        model.addAttribute("back", "/check/" + steps.get(steps.size() - 1).slug());
        return "portal/answers";
    }

    /** An answer as the check page lists it: the question, the answer in words, the page that asks it. */
    public record Row(String question, String answer, String change) {
    }

    private List<Row> rows(Screening s, Locale locale) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Step step : s.steps()) {
            String change = "/check/" + step.slug() + "?change=1";
            if (step == Step.HARDSHIP) {
                List<String> ticked = step.fields().stream().filter(f -> s.has(f, "yes"))
                        .map(f -> messages.getMessage("check." + f, null, locale)).toList();
                rows.add(new Row(messages.getMessage("check.hardship", null, locale), ticked.isEmpty()
                        ? messages.getMessage("check.hardship.none", null, locale) : String.join("；", ticked), change));
                continue;
            }
            for (String field : step.fields()) {
                String text = text(s, field, locale);
                if (text != null) {
                    String question = field.equals("child1Birth") && !"ONE".equals(s.get("children")) ? "check.child1Birth.first"
                            : field.equals("childStatus") && !"ONE".equals(s.get("children")) ? "check.childStatus.first" : "check." + field;
                    rows.add(new Row(messages.getMessage(question, null, locale), text, change));
                }
            }
        }
        return rows;
    }

    /** A field's answer in words, or null when the page left it empty (not asked for these answers). */
    private String text(Screening s, String field, Locale locale) {
        java.time.LocalDate date = s.dateOf(field);
        if (date != null) {
            return messages.getMessage("check.day", new Object[]{Integer.toString(date.getYear()), date.getMonthValue(), date.getDayOfMonth()},
                    locale);
        }
        String v = s.get(field);
        if (v.isEmpty()) {
            return null;
        }
        if (v.equals("yes") || v.equals("no")) {
            return messages.getMessage(field.equals("spouse") ? "check." + v : "check.answer." + v, null, locale);
        }
        if (field.equals("disabilityGrade")) {
            return messages.getMessage("check.disabilityGrade.n", new Object[]{v}, locale);
        }
        return messages.getMessage("check." + (field.equals("spouseEmployer") ? "employer" : field) + "." + v, null, v, locale);
    }

    /** The result: per benefit, granted or not, how much, who pays, the basis; a refusal's failed conditions and from when. */
    @GetMapping("/check/result")
    public String result(HttpSession session, Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request,
                         org.springframework.security.core.Authentication auth) {
        Screening s = screening(session);
        if (s.situations().isEmpty()) {
            return "redirect:/";
        }
        if (s.next() != null) {
            return "redirect:/check/" + s.next().slug();
        }
        // open to everyone: one address asks at most so many times a minute (huiyisheng.portal.results-per-minute)
        if (!limit.allow(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("tooMany", true);
            model.addAttribute("answer", new Screener.Answer(LocalDate.now(clock), List.of(), true));
            return "portal/result";
        }
        Screener.Answer answer = screener.check(s);
        if (answer.failed()) {
            response.setStatus(503);
        }
        model.addAttribute("answer", answer);
        // a signed-in applicant is told which of these she receives already or has claimed: not offered again
        boolean applicant = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_APPLICANT"));
        java.util.Map<String, cn.huiyisheng.app.portal.ClaimDrafts.Held> held = applicant && !answer.failed()
                ? drafts.held(auth.getName()) : java.util.Map.of();
        model.addAttribute("held", held);
        model.addAttribute("signedIn", applicant);
        model.addAttribute("claimable", answer.eligible().stream().anyMatch(o -> !held.containsKey(o.benefit())));
        return "portal/result";
    }
}
