package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.auditconsole.AuditRecords;
import cn.huiyisheng.app.auditconsole.AuditSearch;
import cn.huiyisheng.app.claims.ClaimView;
import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.facts.TableCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The auditors' console (issue 12) at {@code /audit}: the search, and a record's page with its
 * versions, deciding rows, chain position, claim timeline and both replays. Works without
 * JavaScript: the replays are links, the unmasking a form with its reason.
 */
@Controller
@RequestMapping("/audit")
public class AuditConsoleController {

    private final AuditSearch search;
    private final AuditRecords records;
    private final Claims claims;
    private final cn.huiyisheng.app.auditconsole.ChainChecks chains;
    private final cn.huiyisheng.app.auditconsole.Checkpoints checkpoints;

    private final org.springframework.context.MessageSource messages;

    public AuditConsoleController(AuditSearch search, AuditRecords records, Claims claims, cn.huiyisheng.app.auditconsole.ChainChecks chains,
                                  cn.huiyisheng.app.auditconsole.Checkpoints checkpoints, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.search = search;
        this.records = records;
        this.claims = claims;
        this.chains = chains;
        this.checkpoints = checkpoints;
    }

    /** Both chains: the latest verification (its progress while it runs) and the signed checkpoints. */
    @GetMapping("/chains")
    public String chains(Model model) {
        model.addAttribute("run", chains.last());
        List<cn.huiyisheng.app.auditconsole.Checkpoints.Checkpoint> newestFirst = new java.util.ArrayList<>(checkpoints.list());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("checkpoints", newestFirst);
        model.addAttribute("publicKey", checkpoints.publicKey());
        model.addAttribute("directory", checkpoints.directory().toAbsolutePath().toString());
        return "audit/chains";
    }

    /** The verification's progress alone: the page's section, fetched again every second while it runs (htmx). */
    @GetMapping("/chains/progress")
    public String progress(Model model) {
        model.addAttribute("run", chains.last());
        return "audit/chains :: runStatus";
    }

    @PostMapping("/chains/verify")
    public String verify(org.springframework.security.core.Authentication auth) {
        chains.start(auth.getName());
        return "redirect:/audit/chains";
    }

    @PostMapping("/checkpoints")
    public String sign(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, Locale locale) {
        var cp = checkpoints.write();
        redirect.addFlashAttribute("flash", messages.getMessage("audit.checkpoint.signed", new Object[]{cp.file()}, locale));
        return "redirect:/audit/chains";
    }

    @GetMapping
    public String search(org.springframework.security.core.Authentication auth, @RequestParam Map<String, String> form,
                         @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
        AuditSearch.Query q = new AuditSearch.Query(form.get("reference"), form.get("idNumber"), form.get("benefit"), form.get("version"),
                form.get("sha256"), form.get("from"), form.get("to"), form.get("scope"), form.get("outcome"), form.get("asOfFrom"), form.get("asOfTo"));
        model.addAttribute("q", q);
        model.addAttribute("benefits", TableCode.values());
        try {
            model.addAttribute("result", search.find(q, page, 25, auth.getName()));
        } catch (BadInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.path(), locale.getLanguage().equals("en") ? p.message() : p.zh()));
            model.addAttribute("errors", errors);
            response.setStatus(400);
        }
        response.setHeader("Cache-Control", "no-store");
        return "audit/search";
    }

    @GetMapping("/determinations/{id}")
    public String record(@PathVariable long id, @RequestParam(required = false) String replay, org.springframework.security.core.Authentication auth,
                         Model model, HttpServletResponse response) {
        return page(records.read(id), replay, auth, model, response);
    }

    @PostMapping("/determinations/{id}/unmask")
    public String unmask(@PathVariable long id, @RequestParam(required = false) String reason, org.springframework.security.core.Authentication auth,
                         Model model, Locale locale, HttpServletResponse response) {
        try {
            return page(records.unmask(id, auth.getName(), reason), null, auth, model, response);
        } catch (BadInput e) {
            model.addAttribute("reasonError", locale.getLanguage().equals("en") ? e.problems().get(0).message() : e.problems().get(0).zh());
            String view = page(records.read(id), null, auth, model, response);
            response.setStatus(400);
            return view;
        }
    }

    private String page(AuditRecords.Record record, String replay, org.springframework.security.core.Authentication auth, Model model,
                        HttpServletResponse response) {
        model.addAttribute("r", record);
        Map<String, List<AuditRecords.Row>> shown = new LinkedHashMap<>();
        record.versions().forEach(v -> shown.put(v.id(), shown(v)));
        model.addAttribute("shown", shown);
        ClaimView claim = claims.readByIdForAudit(record.claimId(), CurrentUser.of(auth));
        model.addAttribute("claim", claim);
        if ("decided".equals(replay)) {
            model.addAttribute("decided", records.replayAsDecided(record.id()));
        } else if ("now".equals(replay)) {
            model.addAttribute("now", records.replayAsKnownNow(record.id()));
        }
        response.setHeader("Cache-Control", "no-store");
        return "audit/record";
    }

    /** The rows of a version's table to show: every row when it is short, else the deciding rows with two around each. */
    public static List<AuditRecords.Row> shown(AuditRecords.Version v) {
        if (v.rows().size() <= 40) {
            return v.rows();
        }
        java.util.Set<Integer> keep = new java.util.TreeSet<>();
        for (int i = 0; i < v.rows().size(); i++) {
            if (v.rows().get(i).deciding()) {
                for (int j = Math.max(0, i - 2); j <= Math.min(v.rows().size() - 1, i + 2); j++) {
                    keep.add(j);
                }
            }
        }
        return keep.stream().map(v.rows()::get).toList();
    }
}
