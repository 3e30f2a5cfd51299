package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.auditconsole.AuditSearch;
import cn.huiyisheng.app.auditconsole.BulkReplays;
import cn.huiyisheng.app.auditconsole.persistence.ReplayRunMapper;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.facts.TableCode;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bulk replays in the auditors' console: start one over a range, follow its progress, cancel it, read its result, chart and CSV. */
@Controller
public class ReplaysController {

    private final BulkReplays replays;

    public ReplaysController(BulkReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/audit/replays")
    public String list(Model model) {
        model.addAttribute("runs", replays.latest(20));
        model.addAttribute("benefits", TableCode.values());
        return "audit/replays";
    }

    @PostMapping("/audit/replays")
    public String start(@RequestParam Map<String, String> form, Authentication auth, Model model, Locale locale, HttpServletResponse response) {
        BulkReplays.Mode mode = null;
        try {
            mode = form.get("mode") == null ? null : BulkReplays.Mode.valueOf(form.get("mode"));
        } catch (IllegalArgumentException unknown) {
            // refused below as a missing mode
        }
        try {
            BulkReplays.Run run = replays.start(mode, new AuditSearch.Query(null, null, form.get("benefit"), form.get("version"), null,
                    form.get("from"), form.get("to"), null, null, form.get("asOfFrom"), form.get("asOfTo")), auth.getName());
            return "redirect:/audit/replays/" + run.id();
        } catch (BadInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.path(), locale.getLanguage().equals("en") ? p.message() : p.zh()));
            model.addAttribute("errors", errors);
            model.addAttribute("typed", form);
            response.setStatus(400);
            return list(model);
        }
    }

    @GetMapping("/audit/replays/{id}")
    public String run(@PathVariable long id, Model model) {
        BulkReplays.Run run = replays.find(id);
        model.addAttribute("run", run);
        model.addAttribute("items", replays.items(id, 100, 0));
        model.addAttribute("bars", bars(run));
        return "audit/replay";
    }

    /** The progress alone: fetched again every second while the run runs (htmx). */
    @GetMapping("/audit/replays/{id}/progress")
    public String progress(@PathVariable long id, Model model) {
        BulkReplays.Run run = replays.find(id);
        model.addAttribute("run", run);
        return "audit/replay :: runStatus";
    }

    @PostMapping("/audit/replays/{id}/cancel")
    public String cancel(@PathVariable long id, RedirectAttributes redirect) {
        replays.cancel(id);
        return "redirect:/audit/replays/" + id;
    }

    /** One bar of the chart: a label, its count, its width in percent of the widest. */
    public record Bar(String label, long records, java.math.BigDecimal amount, int width) {
    }

    static List<Bar> bars(BulkReplays.Run run) {
        List<Bar> bars = new ArrayList<>();
        if (run.result() == null) {
            return bars;
        }
        long max = Math.max(1, Math.max(run.result().identical(), run.result().causes().stream().mapToLong(BulkReplays.Cause::records).max().orElse(0)));
        bars.add(new Bar("IDENTICAL", run.result().identical(), null, (int) (run.result().identical() * 100 / max)));
        for (BulkReplays.Cause c : run.result().causes()) {
            bars.add(new Bar(c.cause(), c.records(), c.amount(), (int) Math.max(1, c.records() * 100 / max)));
        }
        return bars;
    }

    @GetMapping("/audit/replays/{id}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long id) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("seq,determination,claim,outcome,cause,amount_drift,detail\r\n");
        for (long offset = 0; ; offset += 1000) {
            List<ReplayRunMapper.ItemRow> page = replays.items(id, 1000, offset);
            for (ReplayRunMapper.ItemRow i : page) {
                out.append(i.getSeq()).append(',').append(i.getDeterminationId()).append(',').append(TrailController.cell(i.getReference()))
                        .append(',').append(i.getOutcome()).append(',').append(TrailController.cell(i.getCause())).append(',')
                        .append(i.getAmountDrift() == null ? "" : i.getAmountDrift().toPlainString()).append(',')
                        .append(TrailController.cell(i.getDetail())).append("\r\n");
            }
            if (page.size() < 1000) {
                break;
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("replay-" + id + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
