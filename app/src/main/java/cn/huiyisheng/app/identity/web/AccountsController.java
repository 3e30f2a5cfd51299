package cn.huiyisheng.app.identity.web;

import cn.huiyisheng.app.identity.Registrations;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration of a new applicant's account. */
@RestController
@RequestMapping("/api/accounts")
public class AccountsController {

    private final Registrations registrations;
    private final JsonInput input;

    public AccountsController(Registrations registrations, JsonInput input) {
        this.registrations = registrations;
        this.input = input;
    }

    @Operation(summary = "Register as an applicant / 注册申请人账号", description = "name, resident ID number (verified by the "
            + "real-name service), phone and password; the account belongs to that person, one account per person",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = cn.huiyisheng.app.identity.Registrations.Registration.class),
                    examples = @ExampleObject(name = "an applicant", value = "{\"username\": \"limei\", \"name\": \"李梅\","
                            + " \"idNumber\": \"440304195803200249\", \"phone\": \"13800138000\", \"password\": \"a long passphrase\"}"))),
            responses = {
                    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.identity.Registrations.Registered.class))),
                    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.web.ApiProblem.class)))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Registrations.Registered> register(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registrations.register(input.require(body, Registrations.Registration.class)));
    }
}
