package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.policy.DraftImpactFigures;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.app.policy.PolicyDrafts;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.rules.facts.TableCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy staff's console at {@code /policy}: the benefits with their versions on a time axis,
 * the drafts and the approver's queue, a draft's page (upload, checks, cases, diff, impact, the
 * review's actions) and the upload form, which draws a refused sheet with its refused cells marked.
 * A thin adapter: the same services as the API make every check.
 */
@Controller
@RequestMapping("/policy")
public class PolicyConsoleController {

    private final PolicyDrafts drafts;
    private final PolicyCatalog catalog;
    private final DraftsController api;
    private final ObjectProvider<DraftImpactFigures> impacts;
    private final MessageSource messages;

    public PolicyConsoleController(PolicyDrafts drafts, PolicyCatalog catalog, DraftsController api,
                                   ObjectProvider<DraftImpactFigures> impacts, MessageSource messages) {
        this.drafts = drafts;
        this.catalog = catalog;
        this.api = api;
        this.impacts = impacts;
        this.messages = messages;
    }

    /** A benefit's versions, oldest first, and the bars of the versions in force on the common time axis. */
    public record Timeline(TableCode code, List<PolicyVersionRow> versions, List<Bar> bars) {
    }

    /** A version in force from {@code from} until the next one starts (or the axis ends): where it sits on the axis, in percent. */
    public record Bar(int versionNo, java.time.LocalDate from, java.time.LocalDate until, double left, double width) {
    }

    /** The years marked on the axis, at their place in percent. */
    public record Tick(int year, double left) {
    }

    @GetMapping
    public String index(Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.util.Map<TableCode, List<PolicyVersionRow>> byCode = new java.util.EnumMap<>(TableCode.class);
        java.time.LocalDate start = today;
        java.time.LocalDate end = today;
        for (TableCode code : TableCode.values()) {
            List<PolicyVersionRow> rows = new ArrayList<>(catalog.rows(code));
            rows.sort(java.util.Comparator.comparing(PolicyVersionRow::getValidFrom).thenComparing(PolicyVersionRow::getVersionNo));
            byCode.put(code, rows);
            for (PolicyVersionRow r : rows) {
                start = r.getValidFrom().isBefore(start) ? r.getValidFrom() : start;
                end = r.getValidFrom().isAfter(end) ? r.getValidFrom() : end;
            }
        }
        // from the first year a version starts to two years past today or the last start
        java.time.LocalDate axisFrom = java.time.LocalDate.of(start.getYear(), 1, 1);
        java.time.LocalDate axisTo = java.time.LocalDate.of(end.getYear() + 3, 1, 1);
        List<Timeline> benefits = new ArrayList<>();
        byCode.forEach((code, rows) -> benefits.add(new Timeline(code, rows, bars(rows, axisFrom, axisTo))));
        List<Tick> ticks = new ArrayList<>();
        int step = axisTo.getYear() - axisFrom.getYear() > 24 ? 5 : 2;
        double todayAt = share(axisFrom, today, axisFrom, axisTo);
        for (int y = axisFrom.getYear(); y < axisTo.getYear(); y += step) {
            double at = share(axisFrom, java.time.LocalDate.of(y, 1, 1), axisFrom, axisTo);
            if (Math.abs(at - todayAt) >= 4) { // the year's label would sit on "today"
                ticks.add(new Tick(y, at));
            }
        }
        model.addAttribute("ticks", ticks);
        model.addAttribute("todayAt", todayAt);
        List<DraftsController.DraftView> all = drafts.list(null, null).stream().map(api::view).toList();
        model.addAttribute("benefits", benefits);
        model.addAttribute("mine", all.stream().filter(d -> d.author().equals(user.username())
                && !d.status().equals("PUBLISHED") && !d.status().equals("DISCARDED")).toList());
        model.addAttribute("queue", all.stream().filter(d -> d.status().equals("IN_REVIEW") && !d.author().equals(user.username())).toList());
        model.addAttribute("recent", all.stream().filter(d -> d.status().equals("PUBLISHED")).limit(10).toList());
        return "policy/index";
    }

    /** The versions in force one after the other (a withdrawn one is not in force), each until the next starts. */
    static List<Bar> bars(List<PolicyVersionRow> rows, java.time.LocalDate axisFrom, java.time.LocalDate axisTo) {
        List<PolicyVersionRow> live = rows.stream().filter(r -> r.getWithdrawnAt() == null).toList();
        // of two versions from the same day, the later one decides (the catalogue's precedence)
        java.util.TreeMap<java.time.LocalDate, PolicyVersionRow> byStart = new java.util.TreeMap<>();
        live.forEach(r -> byStart.merge(r.getValidFrom(), r, (a, b) -> a.getVersionNo() >= b.getVersionNo() ? a : b));
        List<Bar> bars = new ArrayList<>();
        List<java.util.Map.Entry<java.time.LocalDate, PolicyVersionRow>> starts = new ArrayList<>(byStart.entrySet());
        for (int i = 0; i < starts.size(); i++) {
            java.time.LocalDate from = starts.get(i).getKey();
            java.time.LocalDate until = i + 1 < starts.size() ? starts.get(i + 1).getKey() : axisTo;
            double left = share(axisFrom, from, axisFrom, axisTo);
            bars.add(new Bar(starts.get(i).getValue().getVersionNo(), from, i + 1 < starts.size() ? until.minusDays(1) : null, left,
                    share(axisFrom, until, axisFrom, axisTo) - left));
        }
        return bars;
    }

    private static double share(java.time.LocalDate origin, java.time.LocalDate day, java.time.LocalDate axisFrom, java.time.LocalDate axisTo) {
        double all = java.time.temporal.ChronoUnit.DAYS.between(axisFrom, axisTo);
        double at = Math.max(0, Math.min(all, java.time.temporal.ChronoUnit.DAYS.between(origin, day)));
        return Math.round(at / all * 10000) / 100.0;
    }

    @GetMapping("/drafts/new")
    public String uploadForm(@RequestParam(required = false) String benefit, Model model) {
        model.addAttribute("codes", TableCode.values());
        model.addAttribute("form", Map.of("benefit", benefit == null ? "" : benefit));
        return "policy/upload";
    }

    static final long SPREADSHEET_MAX_BYTES = 5L * 1024 * 1024;

    /** An upload: the draft's page, or the form again with every problem summarised and the refused sheet drawn. */
    @PostMapping("/drafts")
    public String upload(Authentication auth, @RequestParam Map<String, String> fields,
                         @RequestParam(required = false) MultipartFile spreadsheet, Model model, RedirectAttributes redirect, Locale locale) {
        List<String> sources = fields.getOrDefault("sources", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        PolicyDrafts.Metadata metadata = new PolicyDrafts.Metadata(blank(fields.get("benefit")), blank(fields.get("validFrom")),
                blank(fields.get("basisDocument")), blank(fields.get("basisClause")), blank(fields.get("changeNote")),
                blank(fields.get("figures")), sources);
        try {
            if (spreadsheet != null && spreadsheet.getSize() > SPREADSHEET_MAX_BYTES) {
                // uploads may be larger (a claim's document, 10 MB): a spreadsheet stays at 5 MB, as through the API
                throw new org.springframework.web.multipart.MaxUploadSizeExceededException(SPREADSHEET_MAX_BYTES);
            }
            byte[] bytes = spreadsheet == null || spreadsheet.isEmpty() ? null : spreadsheet.getBytes();
            String id = fields.get("id");
            PolicyDrafts.Draft d = id == null || id.isBlank() ? drafts.create(CurrentUser.of(auth), metadata, bytes)
                    : drafts.replace(CurrentUser.of(auth), Long.parseLong(id), Integer.parseInt(fields.getOrDefault("revision", "0")), metadata, bytes);
            redirect.addFlashAttribute("flash", messages.getMessage("policy.uploaded", new Object[]{d.row().getRevision()}, locale));
            return "redirect:/policy/drafts/" + d.row().getId();
        } catch (BadInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("sheet", e.sheet());
            model.addAttribute("refused", e.sheet() == null ? java.util.Set.of() : java.util.Set.copyOf(e.sheet().refused()));
            if (e.sheet() != null) {
                List<String> letters = new ArrayList<>();
                for (int c = 0; c < e.sheet().columns(); c++) {
                    letters.add(column(c));
                }
                model.addAttribute("letters", letters);
            }
            model.addAttribute("codes", TableCode.values());
            model.addAttribute("form", fields);
            return "policy/upload";
        } catch (IOException e) {
            throw new BadInput("spreadsheet", "UNREADABLE", "the upload could not be read: " + e.getMessage(), "上传的文件无法读取");
        }
    }

    @GetMapping("/drafts/{id}")
    public String draft(Authentication auth, @PathVariable long id, Model model, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        DraftsController.DraftView d = api.view(drafts.find(id));
        model.addAttribute("d", d);
        model.addAttribute("benefitName", messages.getMessage("benefit." + d.benefit(), null, d.benefit(), locale));
        model.addAttribute("mine", d.author().equals(user.username()));
        model.addAttribute("open", d.status().equals("DRAFT") || d.status().equals("RETURNED"));
        model.addAttribute("checks", drafts.checks(id));
        PolicyDrafts.Diff diff = d.replaces() == null ? null : drafts.diff(id, null);
        model.addAttribute("diff", diff);
        model.addAttribute("drlText", diff == null ? "" : String.join("\n", diff.drl()));
        model.addAttribute("sourcesText", String.join("\n", d.sources()));
        String cases = drafts.find(id).row().getCasesYaml();
        model.addAttribute("casesYaml", cases == null ? "" : cases);
        model.addAttribute("caseHouseholds", drafts.caseHouseholds(id));
        DraftImpactFigures figures = impacts.getIfAvailable();
        Map<String, Object> impact = figures == null ? null : figures.latestView(id).orElse(null);
        model.addAttribute("impact", impact);
        model.addAttribute("impactChart", impact == null ? null : chart(impact, locale));
        return "policy/draft";
    }

    /** The impact panel alone, for the page's htmx refresh while a simulation runs. */
    @GetMapping("/drafts/{id}/impact")
    public String impactPanel(@PathVariable long id, Model model, Locale locale) {
        DraftsController.DraftView d = api.view(drafts.find(id));
        model.addAttribute("d", d);
        DraftImpactFigures figures = impacts.getIfAvailable();
        Map<String, Object> impact = figures == null ? null : figures.latestView(id).orElse(null);
        model.addAttribute("impact", impact);
        model.addAttribute("impactChart", impact == null ? null : chart(impact, locale));
        return "policy/draft :: impact";
    }

    /** The changed persons behind a figure (masked), 50 a page, with the figure's filters. */
    @GetMapping("/drafts/{id}/impact/claims")
    public String impactClaims(@PathVariable long id, @RequestParam(required = false) String benefit,
                               @RequestParam(required = false) String category, @RequestParam(required = false) String district,
                               @RequestParam(required = false) String registration, @RequestParam(defaultValue = "1") int page,
                               Model model, Locale locale) {
        DraftsController.DraftView d = api.view(drafts.find(id));
        DraftImpactFigures figures = impacts.getIfAvailable();
        Map<String, Object> found = figures == null ? null
                : figures.claimsView(id, blank(benefit), blank(category), blank(district), blank(registration), page)
                .orElse(null);
        if (found == null) {
            throw new cn.huiyisheng.app.web.ApiErrors.NotFound("draft " + id + " has not been simulated");
        }
        long total = ((Number) found.get("total")).longValue();
        int size = ((Number) found.get("size")).intValue();
        model.addAttribute("d", d);
        model.addAttribute("benefitName", messages.getMessage("benefit." + d.benefit(), null, d.benefit(), locale));
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
        model.addAttribute("filter", new java.util.LinkedHashMap<>(java.util.Map.of("benefit", nonNull(benefit), "category", nonNull(category),
                "district", nonNull(district), "registration", nonNull(registration))));
        return "policy/impact-claims";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @PostMapping("/drafts/{id}/cases")
    public String cases(Authentication auth, @PathVariable long id, @RequestParam String yaml, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "policy.cases.saved",
                () -> drafts.setCases(CurrentUser.of(auth), id, yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** One case through the small form: appended to the draft's cases (with its household, from the shipped cases if need be). */
    @PostMapping("/drafts/{id}/cases/add")
    public String addCase(Authentication auth, @PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect,
                          Locale locale) {
        return act(id, redirect, locale, "policy.cases.added", () -> {
            java.time.LocalDate asOf;
            try {
                asOf = java.time.LocalDate.parse(fields.getOrDefault("asOf", "").strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInput("case.asOf", "INVALID_DATE", "the date as YYYY-MM-DD", "日期应为 YYYY-MM-DD 格式");
            }
            java.math.BigDecimal amount = null;
            String a = blank(fields.get("amount"));
            if (a != null) {
                try {
                    amount = new java.math.BigDecimal(a.replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new BadInput("case.amount", "INVALID_AMOUNT", "the amount in yuan, as 340.00", "金额应为元，如 340.00");
                }
            }
            drafts.addCase(CurrentUser.of(auth), id, new cn.huiyisheng.rules.cases.PolicyCases.NewCase(blank(fields.get("name")),
                    blank(fields.get("household")), asOf, fields.getOrDefault("subject", "applicant"), "true".equals(fields.get("eligible")),
                    amount));
        });
    }

    @PostMapping("/drafts/{id}/impact")
    public String simulate(Authentication auth, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "policy.impact.started", () -> impacts.getObject().simulate(CurrentUser.of(auth), id));
    }

    @PostMapping("/drafts/{id}/impact/cancel")
    public String cancelSimulation(Authentication auth, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "policy.impact.cancelled", () -> impacts.getObject().cancelSimulation(CurrentUser.of(auth), id));
    }

    @PostMapping("/drafts/{id}/{action:submit|discard|approve|return}")
    public String decide(Authentication auth, @PathVariable long id, @PathVariable String action,
                         @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = CurrentUser.of(auth);
        return act(id, redirect, locale, "policy.done." + action, () -> {
            switch (action) {
                case "submit" -> drafts.submit(user, id);
                case "discard" -> drafts.discard(user, id);
                case "approve" -> drafts.approve(user, id, comment);
                default -> drafts.returnToAuthor(user, id, comment);
            }
        });
    }

    /** Runs an action and comes back to the draft's page, with what happened or why not, in the user's language. */
    private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
        } catch (BadInput e) {
            // which field and why, in the page's language
            cn.huiyisheng.rules.household.Problem p = e.problems().isEmpty() ? null : e.problems().get(0);
            redirect.addFlashAttribute("error", p == null ? messages.getMessage("policy.refusal.INVALID", null, locale)
                    : messages.getMessage("policy.refusal.located", new Object[]{p.path(),
                    "zh".equals(locale.getLanguage()) && p.zh() != null ? p.zh() : p.message()}, locale));
        } catch (Conflict | Forbidden e) {
            String code = e instanceof Conflict c ? c.code() : e instanceof Forbidden f ? f.code() : "INVALID";
            String text = messages.getMessage("policy.refusal." + code, null, null, locale);
            redirect.addFlashAttribute("error", text != null ? text
                    : messages.getMessage("policy.refusal.other", new Object[]{e.getMessage()}, locale));
        }
        return "redirect:/policy/drafts/" + id;
    }

    /** A column's letters as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The categories of the first benefit as an ECharts bar chart (persons per category), or null when there are no figures. */
    @SuppressWarnings("unchecked")
    private String chart(Map<String, Object> impact, Locale locale) {
        Object result = impact.get("result");
        if (!(result instanceof Map<?, ?> r) || !(r.get("benefits") instanceof List<?> benefits) || benefits.isEmpty()) {
            return null;
        }
        Map<String, Object> first = (Map<String, Object>) benefits.get(0);
        List<Map<String, Object>> categories = (List<Map<String, Object>>) first.get("categories");
        List<String> names = categories.stream().map(c -> String.valueOf(c.get(locale.getLanguage().equals("en") ? "en" : "zh"))).toList();
        List<Object> values = categories.stream().map(c -> c.get("persons")).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 110, "right", 20, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", names, "inverse", true));
        option.put("series", List.of(Map.of("type", "bar", "data", values, "label", Map.of("show", true, "position", "right"))));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(option);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
