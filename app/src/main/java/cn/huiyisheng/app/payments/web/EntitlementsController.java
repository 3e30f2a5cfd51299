package cn.huiyisheng.app.payments.web;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.payments.RecurringEntitlements;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Standing entitlements a payment run held for a reviewer: the list, and the reviewer's decision. */
@RestController
@RequestMapping("/api/entitlements")
public class EntitlementsController {

    private final RecurringEntitlements entitlements;
    private final cn.huiyisheng.app.payments.Corrections corrections;
    private final JsonInput input;

    public EntitlementsController(RecurringEntitlements entitlements, cn.huiyisheng.app.payments.Corrections corrections, JsonInput input) {
        this.entitlements = entitlements;
        this.corrections = corrections;
        this.input = input;
    }

    @Schema(description = "A reviewer's decision on an overpayment / 多发待遇处理")
    public record OverpaymentDecision(@Schema(description = "WAIVE, or RECOVER (the office asks for the money back)",
            requiredMode = Schema.RequiredMode.REQUIRED) cn.huiyisheng.app.payments.Corrections.Decision decision,
                                      @Schema(description = "why", example = "家属已退回多发款项", requiredMode = Schema.RequiredMode.REQUIRED)
                                      String reason) {
    }

    @Operation(summary = "Open overpayments / 待处理的多发待遇", description = "Months paid that a correction or a life event made no"
            + " longer due (or due less): never clawed back by themselves.")
    @GetMapping("/overpayments")
    public List<cn.huiyisheng.app.payments.Corrections.Adjustment> overpayments() {
        return corrections.openOverpayments();
    }

    @Operation(summary = "Decide an overpayment / 处理多发待遇", description = "Reviewers and supervisors, never on their own household's:"
            + " WAIVE or RECOVER, with a reason; once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @Schema(implementation = OverpaymentDecision.class),
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "recover",
                            value = "{\"decision\": \"RECOVER\", \"reason\": \"通知家属退回去世后多发的两个月待遇\"}"))))
    @PostMapping(value = "/overpayments/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public cn.huiyisheng.app.payments.Corrections.Adjustment decideOverpayment(Authentication auth, @PathVariable long id,
                                                                              @RequestBody(required = false) byte[] body) {
        OverpaymentDecision d = input.require(body, OverpaymentDecision.class);
        return corrections.decideOverpayment(id, d.decision(), d.reason(), CurrentUser.of(auth));
    }

    @Schema(description = "A reviewer's decision on a held entitlement / 待遇变化审核")
    public record Decision(@Schema(description = "CONTINUE: the next run pays what the rules say; END: it ends now",
            requiredMode = Schema.RequiredMode.REQUIRED) RecurringEntitlements.Decision decision,
                           @Schema(description = "why", example = "已核实户籍迁出，终止发放", requiredMode = Schema.RequiredMode.REQUIRED)
                           String reason) {
    }

    @Operation(summary = "Entitlements held for a reviewer / 待审核的待遇变化", description = "A stop, or a monthly amount changed"
            + " beyond the ratio under the same version, that a payment run would not pay or end by itself.")
    @GetMapping("/held")
    public List<RecurringEntitlementRow> held() {
        return entitlements.held();
    }

    @Operation(summary = "Decide a held entitlement / 审核待遇变化", description = "Reviewers and supervisors, never on their own"
            + " household's: CONTINUE (the next run pays the months that waited, as the rules say) or END, with a reason.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @Schema(implementation = Decision.class),
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "end",
                            value = "{\"decision\": \"END\", \"reason\": \"已核实户籍迁出本市，终止发放\"}"))))
    @PostMapping(value = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RecurringEntitlementRow decide(Authentication auth, @PathVariable long id, @RequestBody(required = false) byte[] body) {
        Decision d = input.require(body, Decision.class);
        return entitlements.decide(id, d.decision(), d.reason(), CurrentUser.of(auth));
    }
}
