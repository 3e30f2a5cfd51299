package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.policy.PolicyWithdrawals;
import cn.huiyisheng.app.policy.persistence.PolicyWithdrawalMapper;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Withdrawing a published version not yet in force, by two people. */
@RestController
@RequestMapping("/api/policy/withdrawals")
public class WithdrawalsController {

    private final PolicyWithdrawals withdrawals;

    public WithdrawalsController(PolicyWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    /** A request to withdraw a version. */
    public record WithdrawalRequest(@Schema(example = "SPECIAL_SUPPORT") String benefit, @Schema(example = "4") Integer version,
                                    @Schema(description = "why (at most 2000 characters)", example = "金额依据的文件尚未印发") String reason) {
    }

    @Operation(summary = "Request the withdrawal of a published version not yet in force / 申请撤回尚未生效的版本",
            description = "201; 409 NOT_AHEAD for a version already in force (correct it with a new version), WITHDRAWAL_PENDING when"
                    + " a request is already waiting",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WithdrawalRequest.class),
                    examples = @ExampleObject(name = "a version published too early",
                            value = "{\"benefit\": \"SPECIAL_SUPPORT\", \"version\": 4, \"reason\": \"金额依据的文件尚未印发\"}"))))
    @PostMapping
    public ResponseEntity<PolicyWithdrawalMapper.Row> request(Authentication auth, @RequestBody(required = false) WithdrawalRequest body) {
        WithdrawalRequest b = body == null ? new WithdrawalRequest(null, null, null) : body;
        PolicyWithdrawalMapper.Row row = withdrawals.request(CurrentUser.of(auth), b.benefit(), b.version(), b.reason());
        return ResponseEntity.created(URI.create("/api/policy/withdrawals/" + row.id())).body(row);
    }

    @Operation(summary = "Withdrawal requests, newest first / 撤回申请列表")
    @GetMapping
    public List<PolicyWithdrawalMapper.Row> list() {
        return withdrawals.list();
    }

    @Operation(summary = "Approve a withdrawal (someone other than the requester): the version stops being known as valid a moment"
            + " later, on every node / 批准撤回",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DraftsController.Comment.class),
                    examples = @ExampleObject(name = "approved", value = "{\"comment\": \"同意撤回\"}"))))
    @PostMapping("/{id}/approve")
    public PolicyWithdrawalMapper.Row approve(Authentication auth, @PathVariable long id,
                                              @RequestBody(required = false) DraftsController.Comment comment) {
        return withdrawals.approve(CurrentUser.of(auth), id, comment == null ? null : comment.comment());
    }

    @Operation(summary = "Reject a withdrawal, saying why (someone other than the requester) / 驳回撤回申请",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DraftsController.Comment.class),
                    examples = @ExampleObject(name = "rejected", value = "{\"comment\": \"文件已印发，无需撤回\"}"))))
    @PostMapping("/{id}/reject")
    public PolicyWithdrawalMapper.Row reject(Authentication auth, @PathVariable long id,
                                             @RequestBody(required = false) DraftsController.Comment comment) {
        return withdrawals.reject(CurrentUser.of(auth), id, comment == null ? null : comment.comment());
    }
}
