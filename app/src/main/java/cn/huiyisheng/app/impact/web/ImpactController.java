package cn.huiyisheng.app.impact.web;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.impact.PolicyImpacts;
import cn.huiyisheng.app.web.BadInput;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A draft's impact on the claims already decided: start, follow, cancel, read the figures, drill down, download as CSV. */
@RestController
@RequestMapping("/api/policy/drafts/{id}/impact")
public class ImpactController {

    private static final Set<String> TABLES = Set.of("categories", "districts", "registrations", "claims");
    private final PolicyImpacts impacts;

    public ImpactController(PolicyImpacts impacts) {
        this.impacts = impacts;
    }

    @Operation(summary = "Simulate the draft on the claims already decided, in the background / 测算草稿对已决申请的影响",
            description = "202 with the running simulation; follow it with GET until status DONE; 409 IMPACT_RUNNING while one runs")
    @PostMapping
    public ResponseEntity<PolicyImpacts.Impact> start(Authentication auth, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(impacts.start(CurrentUser.of(auth), id));
    }

    @Operation(summary = "The draft's latest simulation: progress, then the figures / 最近一次测算：进度与结果")
    @GetMapping
    public PolicyImpacts.Impact latest(@PathVariable long id) {
        return impacts.latest(id);
    }

    @Operation(summary = "Cancel the running simulation / 取消测算")
    @PostMapping("/cancel")
    public PolicyImpacts.Impact cancel(Authentication auth, @PathVariable long id) {
        return impacts.cancel(CurrentUser.of(auth), id);
    }

    @Operation(summary = "The changed persons behind a figure, masked / 受影响人员明细（脱敏）")
    @GetMapping("/claims")
    public PolicyImpacts.ClaimPage claims(@PathVariable long id, @RequestParam(required = false) String benefit,
                                          @RequestParam(required = false) String category, @RequestParam(required = false) String district,
                                          @RequestParam(required = false) String registration,
                                          @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return impacts.claims(id, benefit, category, district, registration, page, size);
    }

    @Operation(summary = "A table of the figures as CSV (UTF-8 with BOM, opens in Excel) / 下载CSV",
            description = "table: categories, districts, registrations or claims")
    @GetMapping("/csv")
    public ResponseEntity<byte[]> csv(@PathVariable long id, @RequestParam(defaultValue = "categories") String table) {
        if (!TABLES.contains(table)) {
            throw new BadInput("table", "UNKNOWN_TABLE", "table must be one of " + TABLES.stream().sorted().toList(),
                    "table 只能是 categories、districts、registrations 或 claims");
        }
        StringBuilder csv = new StringBuilder("\uFEFF");
        if (table.equals("claims")) {
            csv.append(line("受理编号 Reference", "申请人 Applicant", "待遇 Benefit", "对象 Subject", "区 District", "户籍类型 Registration",
                    "类别 Category", "测算前 Before", "测算后 After", "前12个月测算前 First 12 months before", "前12个月测算后 First 12 months after"));
            for (int page = 1; ; page++) {
                PolicyImpacts.ClaimPage p = impacts.claims(id, null, null, null, null, page, 500);
                p.rows().forEach(r -> csv.append(line(r.reference(), r.applicant(), r.benefit(), r.subject(), r.district(), r.registration(),
                        r.category(), r.before().toPlainString(), r.after().toPlainString(), r.before12().toPlainString(),
                        r.after12().toPlainString())));
                if ((long) page * 500 >= p.total()) {
                    break;
                }
            }
        } else {
            JsonNode result = impacts.latest(id).result();
            if (result == null) {
                throw new cn.huiyisheng.app.web.Conflict("IMPACT_NOT_DONE", "the simulation has no figures yet");
            }
            switch (table) {
                case "categories" -> {
                    csv.append(line("待遇 Benefit", "类别 Category", "类别名称 Name", "人数 Persons", "前12个月变化（元） Change in first 12 months (yuan)"));
                    result.get("benefits").forEach(b -> b.get("categories").forEach(c -> csv.append(line(b.get("benefit").asText(),
                            c.get("category").asText(), c.get("zh").asText() + " " + c.get("en").asText(), c.get("persons").asText(),
                            c.get("change12").decimalValue().toPlainString()))));
                }
                default -> {
                    String field = table.equals("districts") ? "byDistrict" : "byRegistration";
                    csv.append(line("待遇 Benefit", table.equals("districts") ? "区 District" : "户籍类型 Registration", "人数 Persons",
                            "前12个月测算前 First 12 months before", "前12个月测算后 First 12 months after", "变化 Change"));
                    result.get("benefits").forEach(b -> b.get(field).forEach(g -> csv.append(line(b.get("benefit").asText(),
                            g.has("zh") ? g.get("zh").asText() + " " + g.get("key").asText() : g.get("key").asText(), g.get("persons").asText(),
                            g.get("before12").decimalValue().toPlainString(), g.get("after12").decimalValue().toPlainString(),
                            g.get("change12").decimalValue().toPlainString()))));
                }
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("draft-" + id + "-impact-" + table + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One CSV line (RFC 4180): fields quoted where they hold a comma, a quote or a line break; a leading = + - @ is neutralised. */
    static String line(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            if (!f.isEmpty() && "=+@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f; // no formula when opened in a spreadsheet
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            b.append(i == 0 ? "" : ",").append(f);
        }
        return b.append("\r\n").toString();
    }
}
