package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.auditconsole.TrailSearch;
import cn.huiyisheng.app.web.BadInput;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The security trail in the auditors' console (issue 12 §5): filters, pages, a CSV export; each reading recorded. */
@Controller
public class TrailController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    static final int PAGE = 50;

    private final TrailSearch search;

    public TrailController(TrailSearch search) {
        this.search = search;
    }

    static TrailSearch.Query query(Map<String, String> form) {
        return new TrailSearch.Query(form.get("actor"), form.get("type"), form.get("outcome"), form.get("target"), form.get("address"),
                form.get("from"), form.get("to"));
    }

    @GetMapping("/audit/trail")
    public String page(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") int page, Authentication auth, Model model,
                       Locale locale, HttpServletResponse response) {
        TrailSearch.Query q = query(form);
        model.addAttribute("q", q);
        model.addAttribute("types", Arrays.stream(SecurityTrail.Type.values()).map(Enum::name).toList());
        model.addAttribute("page", Math.max(0, page));
        try {
            SecurityTrail.Page result = search.page(q, Math.max(0, page), PAGE, auth.getName());
            model.addAttribute("result", result);
            model.addAttribute("pages", Math.max(1, (result.total() + PAGE - 1) / PAGE));
        } catch (BadInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.path(), locale.getLanguage().equals("en") ? p.message() : p.zh()));
            model.addAttribute("errors", errors);
            response.setStatus(400);
        }
        response.setHeader("Cache-Control", "no-store");
        return "audit/trail";
    }

    @GetMapping(value = "/audit/trail.csv")
    public ResponseEntity<byte[]> csv(@RequestParam Map<String, String> form, Authentication auth) {
        List<SecurityTrail.Entry> entries = search.export(query(form), auth.getName());
        StringBuilder out = new StringBuilder("\uFEFF"); // a BOM: Excel opens the Chinese as UTF-8
        out.append("id,seq,at (Asia/Shanghai),actor,address,type,outcome,target,detail\r\n");
        for (SecurityTrail.Entry e : entries) {
            out.append(e.id()).append(',').append(e.seq() == null ? "" : e.seq()).append(',').append(CSV_TIME.format(e.at())).append(',')
                    .append(cell(e.actor())).append(',').append(cell(e.address())).append(',').append(e.type()).append(',')
                    .append(e.outcome()).append(',').append(cell(e.target())).append(',').append(cell(e.detail())).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("security-trail.csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell: quoted when it must be; a leading =, +, - or @ made text (no formula runs when the file is opened). */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 ? v : "'" + v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
