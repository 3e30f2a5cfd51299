package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.auditconsole.TrailSearch;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The security trail for auditors, as JSON (issue 12 §5); AUDITOR only, each reading recorded. */
@RestController
public class TrailApiController {

    private final TrailSearch search;

    public TrailApiController(TrailSearch search) {
        this.search = search;
    }

    @Operation(summary = "The security trail, filtered / 安全审计记录", description = "By actor, type, outcome, target (contains), address and"
            + " the days (from, to: yyyy-MM-dd, Asia/Shanghai, both included); newest first, 50 a page. The reading is recorded.")
    @GetMapping("/api/audit/trail")
    public SecurityTrail.Page trail(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") int page, Authentication auth) {
        return search.page(TrailController.query(form), Math.max(0, page), TrailController.PAGE, auth.getName());
    }
}
