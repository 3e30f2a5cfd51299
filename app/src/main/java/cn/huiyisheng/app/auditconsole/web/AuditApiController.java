package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.auditconsole.AuditRecords;
import cn.huiyisheng.app.auditconsole.AuditSearch;
import cn.huiyisheng.app.auditconsole.DeterminationIndex;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API (issue 12): find sealed determinations, read one, unmask its facts for a reason, replay it. AUDITOR only. */
@RestController
@RequestMapping("/api/audit/determinations")
public class AuditApiController {

    private final AuditSearch search;
    private final AuditRecords records;
    private final JsonInput input;

    public AuditApiController(AuditSearch search, AuditRecords records, JsonInput input) {
        this.search = search;
        this.records = records;
        this.input = input;
    }

    @Operation(summary = "Find sealed determinations / 查找判定记录", description = "Every filter optional: claim reference, the resident ID"
            + " of a person in the facts (looked up by its keyed hash; the search is recorded), benefit, version id, version SHA-256,"
            + " the days recorded (from, to: yyyy-MM-dd, Asia/Shanghai, both included), the as-of dates (asOfFrom, asOfTo), scope, outcome."
            + " Newest in the chain first.")
    @GetMapping
    public DeterminationIndex.Page find(Authentication auth, @RequestParam(required = false) String reference,
                                        @RequestParam(required = false) String idNumber, @RequestParam(required = false) String benefit,
                                        @RequestParam(required = false) String version, @RequestParam(required = false) String sha256,
                                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String scope, @RequestParam(required = false) String outcome,
                                        @RequestParam(required = false) String asOfFrom, @RequestParam(required = false) String asOfTo,
                                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return search.find(new AuditSearch.Query(reference, idNumber, benefit, version, sha256, from, to, scope, outcome, asOfFrom, asOfTo),
                page, size, auth.getName());
    }

    @Operation(summary = "One sealed determination, facts masked / 判定记录（信息已脱敏）")
    @GetMapping("/{id}")
    public ResponseEntity<AuditRecords.Record> read(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(records.read(id));
    }

    public record Reason(String reason) {
    }

    @Operation(summary = "The record with its facts in clear / 查看完整信息", description = "Only with a reason (4 to 500 characters),"
            + " kept in the security trail with who and when.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = Reason.class),
                    examples = @ExampleObject(name = "reason", value = "{\"reason\": \"2026年度专项审计：核对特别扶助发放对象身份\"}"))))
    @PostMapping(value = "/{id}/unmask", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AuditRecords.Record> unmask(Authentication auth, @PathVariable long id, @RequestBody(required = false) byte[] body) {
        Reason r = input.require(body, Reason.class);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(records.unmask(id, auth.getName(), r.reason()));
    }

    @Operation(summary = "Replay as decided / 按当时规则重放", description = "The same facts, dates, scope, system records and versions:"
            + " identical bytes (both SHA-256), or each difference as an RFC 6902 operation.")
    @GetMapping("/{id}/replay")
    public AuditRecords.AsDecided replay(@PathVariable long id) {
        return records.replayAsDecided(id);
    }

    @Operation(summary = "Replay as known now / 按现行规则重放", description = "The same facts and dates under the versions known now:"
            + " per benefit, subject and run of months, the outcome then and now and the version that makes the difference.")
    @GetMapping("/{id}/replay-now")
    public AuditRecords.AsKnownNow replayNow(@PathVariable long id) {
        return records.replayAsKnownNow(id);
    }
}
