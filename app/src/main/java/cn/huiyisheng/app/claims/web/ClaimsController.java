package cn.huiyisheng.app.claims.web;

import cn.huiyisheng.app.claims.ClaimSubmission;
import cn.huiyisheng.app.claims.ClaimView;
import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.web.JsonInput;
import cn.huiyisheng.rules.household.Household;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Claims: submit, read with timeline, list one's own, answer a request for information, appeal. */
@RestController
@RequestMapping("/api/claims")
public class ClaimsController {

    private final Claims claims;
    private final JsonInput input;

    public ClaimsController(Claims claims, JsonInput input) {
        this.claims = claims;
        this.input = input;
    }

    public record Summary(String reference, String status, java.time.Instant submittedAt, java.math.BigDecimal amountTotal) {
        static Summary of(ClaimRow c) {
            return new Summary(c.getReference(), c.getStatus(), c.getSubmittedAt(), c.getAmountTotal());
        }
    }

    @Schema(description = "An answer to a request for information / 补充材料")
    public record Answer(@Schema(description = "the corrected household, when facts were asked for") Household household,
                         @Schema(description = "a note for the reviewer", example = "已补充独生子女死亡证明复印件") String note) {
    }

    @Schema(description = "An appeal of a refusal / 申诉")
    public record Appeal(@Schema(description = "why the applicant disagrees", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    /** A claim as the API's description shows it: 李梅 and 王强, whose only son died, claiming special support for 2014. */
    static final String SUBMIT_EXAMPLE = """
            {"household": {"applicant": {"idNumber": "440304195803200249", "name": "李梅", "sex": "FEMALE", "birthDate": "1958-03-20",
                                         "registration": {"type": "URBAN_HUKOU", "district": "福田区"}},
                           "spouse": {"idNumber": "440304196005120035", "name": "王强", "sex": "MALE", "birthDate": "1960-05-12",
                                      "registration": {"type": "URBAN_HUKOU", "district": "福田区"}},
                           "children": [{"name": "王明", "sex": "MALE", "birthDate": "1984-06-01", "alive": false,
                                         "deathDate": "2005-07-15"}]},
             "benefits": ["SPECIAL_SUPPORT"], "period": {"from": "2014-01", "to": "2014-12"},
             "bankAccount": "6222021234567893445", "bankName": "工商银行"}""";

    @Operation(summary = "Submit a claim / 提交申请", description = "Requires an Idempotency-Key header: a retried submit "
            + "with the same key and body returns the same claim (200), a new one is created once (201). The applicant must be"
            + " the account's verified person. Invalid input gives 400 with every problem by JSON path, at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = cn.huiyisheng.app.claims.ClaimSubmission.class),
                    examples = @ExampleObject(name = "special support, 2014", value = SUBMIT_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ClaimView.class))),
                    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.web.ApiProblem.class))),
                    @ApiResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.web.ApiProblem.class)))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ClaimView> submit(Authentication auth, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                            @RequestBody(required = false) byte[] body) {
        Claims.Submitted submitted = claims.submit(CurrentUser.of(auth), key, input.require(body, ClaimSubmission.class), body);
        // a claim just made has nothing more to show than its row: spare the submit four queries
        ClaimView view = submitted.created() ? claims.viewOfNew(submitted.claim()) : claims.view(submitted.claim());
        return submitted.created()
                ? ResponseEntity.created(URI.create("/api/claims/" + view.reference())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "One's own claims / 我的申请")
    @GetMapping
    public List<Summary> mine(Authentication auth) {
        return claims.mine(auth.getName()).stream().map(Summary::of).toList();
    }

    @Operation(summary = "A claim with its determination, entitlements, payments and timeline / 申请详情")
    @GetMapping("/{reference}")
    public ClaimView get(Authentication auth, @PathVariable String reference) {
        return claims.read(reference, CurrentUser.of(auth));
    }

    @Operation(summary = "Answer a request for information / 补充材料", description = "A note for the reviewer and, when facts"
            + " were asked for, the corrected household (validated as at submission).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "a note", value = "{\"note\": \"已补充独生子女死亡证明复印件\"}"))))
    @PostMapping(value = "/{reference}/information", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ClaimView> answer(Authentication auth, @PathVariable String reference, @RequestBody(required = false) byte[] body) {
        CurrentUser user = CurrentUser.of(auth);
        Answer answer = input.require(body, Answer.class);
        ClaimRow claim = claims.visible(reference, user.username(), user.roles());
        claims.answer(claim, user, answer.household(), answer.note());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(claims.view(claims.visible(reference, user.username(), user.roles())));
    }

    @Operation(summary = "Record a life event of an approved claim's household / 登记家庭情况变化", description = "Reviewers and"
            + " supervisors: a recipient's death, a child's death or disability, a birth or adoption, a revoked certificate, a"
            + " registration moved out or a residence permit expired, with its date and the evidence seen. The claim's entitlements"
            + " are determined again from that date: months paid that are no longer due become overpayment records, months not"
            + " yet paid are cancelled, standing entitlements change or end. Bad input: 400 naming each field; nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = cn.huiyisheng.app.payments.LifeEvents.Event.class),
                    examples = @ExampleObject(name = "a recipient's death", value = "{\"kind\": \"DEATH\", \"subject\": \"spouse\","
                            + " \"date\": \"2014-03-10\", \"evidence\": \"死亡证明 No. 4403042014000123\"}"))))
    @PostMapping(value = "/{reference}/life-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<cn.huiyisheng.app.payments.LifeEvents.Recorded> lifeEvent(Authentication auth, @PathVariable String reference,
                                                                                   @RequestBody(required = false) byte[] body) {
        CurrentUser user = CurrentUser.of(auth);
        cn.huiyisheng.app.payments.LifeEvents.Event event = input.require(body, cn.huiyisheng.app.payments.LifeEvents.Event.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(claims.recordLifeEvent(reference, user, event));
    }

    @Schema(description = "A yearly confirmation / 年度生存认证")
    public record Confirmation(@Schema(description = "how the recipients confirmed", example = "本人到社区服务中心现场认证",
            requiredMode = Schema.RequiredMode.REQUIRED) String how) {
    }

    @Operation(summary = "Record the yearly confirmation of an approved claim's recipients / 登记年度生存认证", description = "Reviewers"
            + " and supervisors. The standing entitlements that need a yearly confirmation are confirmed for a year; a suspended one"
            + " goes on, and the next payment run pays the months it waited.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = Confirmation.class),
                    examples = @ExampleObject(name = "in person", value = "{\"how\": \"本人到社区服务中心现场认证\"}"))))
    @PostMapping(value = "/{reference}/confirmations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<cn.huiyisheng.app.payments.Confirmations.Confirmed> confirm(Authentication auth, @PathVariable String reference,
                                                                                     @RequestBody(required = false) byte[] body) {
        Confirmation c = input.require(body, Confirmation.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(claims.confirm(reference, CurrentUser.of(auth), c.how()));
    }

    @Operation(summary = "Appeal a refusal / 申诉", description = "Within the appeal window, with the reason the applicant disagrees.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = Appeal.class),
                    examples = @ExampleObject(name = "a reason", value = "{\"reason\": \"我的户籍在2012年已迁入福田区\"}"))))
    @PostMapping(value = "/{reference}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ClaimView> appeal(Authentication auth, @PathVariable String reference, @RequestBody(required = false) byte[] body) {
        CurrentUser user = CurrentUser.of(auth);
        Appeal appeal = input.require(body, Appeal.class);
        ClaimRow claim = claims.visible(reference, user.username(), user.roles());
        claims.appeal(claim, user.username(), appeal.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(claims.view(claims.visible(reference, user.username(), user.roles())));
    }
}
