package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.auditconsole.AuditSearch;
import cn.huiyisheng.app.auditconsole.BulkReplays;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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

import java.util.List;

/** Bulk replays (issue 12 §3): started, followed, cancelled; their records that differ. AUDITOR only. */
@RestController
@RequestMapping("/api/audit/replays")
public class ReplaysApiController {

    private final BulkReplays replays;
    private final JsonInput input;

    public ReplaysApiController(BulkReplays replays, JsonInput input) {
        this.replays = replays;
        this.input = input;
    }

    /** What to replay: the mode, and the search's filters (all optional). */
    public record Start(BulkReplays.Mode mode, String from, String to, String benefit, String version, String sha256, String scope,
                        String outcome, String reference, String asOfFrom, String asOfTo) {
    }

    @Operation(summary = "Start a bulk replay / 发起批量重放", description = "AS_DECIDED (the versions then: identical bytes expected) or"
            + " AS_KNOWN_NOW (the versions known at the start), over the records the filters select; 202 with its progress.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = Start.class),
                    examples = @ExampleObject(name = "a month, as known now",
                            value = "{\"mode\": \"AS_KNOWN_NOW\", \"from\": \"2026-11-01\", \"to\": \"2026-11-30\", \"benefit\": \"SPECIAL_SUPPORT\"}"))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BulkReplays.Run> start(Authentication auth, @RequestBody(required = false) byte[] body) {
        Start s = input.require(body, Start.class);
        return ResponseEntity.accepted().body(replays.start(s.mode(), new AuditSearch.Query(s.reference(), null, s.benefit(), s.version(),
                s.sha256(), s.from(), s.to(), s.scope(), s.outcome(), s.asOfFrom(), s.asOfTo()), auth.getName()));
    }

    @Operation(summary = "A bulk replay: progress and result / 批量重放进度与结果")
    @GetMapping("/{id}")
    public BulkReplays.Run find(@PathVariable long id) {
        return replays.find(id);
    }

    @Operation(summary = "Cancel a bulk replay / 取消批量重放", description = "The chunks not run yet replay nothing; the run ends CANCELLED.")
    @PostMapping("/{id}/cancel")
    public BulkReplays.Run cancel(@PathVariable long id) {
        return replays.cancel(id);
    }

    @Operation(summary = "The records that differ / 有差异的记录", description = "Drifted and failed records in chain order, 200 a page.")
    @GetMapping("/{id}/items")
    public List<cn.huiyisheng.app.auditconsole.persistence.ReplayRunMapper.ItemRow> items(@PathVariable long id,
                                                                                           @RequestParam(defaultValue = "0") int page) {
        return replays.items(id, 200, (long) Math.max(0, page) * 200);
    }
}
