package cn.huiyisheng.app.evaluation.web;

import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.app.web.ApiProblem;
import cn.huiyisheng.app.web.ProblemType;
import cn.huiyisheng.app.web.Problems;
import cn.huiyisheng.app.web.JsonInput;
import cn.huiyisheng.rules.household.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code POST /api/evaluations}: what a household is entitled to, explained. */
@RestController
@RequestMapping("/api/evaluations")
public class EvaluationController {

    private final EvaluationService service;
    private final JsonInput input;
    private final Problems problems;

    public EvaluationController(EvaluationService service, JsonInput input, Problems problems) {
        this.problems = problems;
        this.service = service;
        this.input = input;
    }

    @Operation(summary = "Evaluate a household / 评估家庭可享受的待遇",
            description = "Every benefit (or those named) as of a date, with amount, periodicity, payer, the table version "
                    + "and row that decided and the reasons; with a period, the recurring benefits as segments split at "
                    + "every change of version or outcome. Invalid input gives 400 with every problem by JSON path.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = EvaluationRequest.class),
                    examples = @ExampleObject(name = "bereaved urban couple", value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationResponse.class))),
                    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiProblem.class)))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> evaluate(@RequestBody(required = false) byte[] body) {
        JsonInput.Read<EvaluationRequest> read = input.read(body, EvaluationRequest.class);
        List<Problem> problems = new ArrayList<>(read.problems());
        if (read.value() != null) {
            Set<String> located = new HashSet<>();
            problems.forEach(p -> located.add(p.path()));
            // a value that could not be read is already reported; do not report it again as missing
            service.validate(read.value()).stream().filter(p -> !located.contains(p.path())).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            return this.problems.answer(this.problems.of(ProblemType.INVALID_REQUEST, problems.size() + " problem(s) in the request",
                    problems));
        }
        return ResponseEntity.ok(service.evaluate(read.value()));
    }

    static final String EXAMPLE = """
            {
              "asOf": "2014-06-01",
              "period": {"from": "2011-06", "to": "2014-03"},
              "household": {
                "applicant": {"idNumber": "440304195803200249", "name": "李梅", "sex": "FEMALE", "birthDate": "1958-03-20",
                              "registration": {"type": "URBAN_HUKOU", "district": "福田区"},
                              "employment": {"employerType": "NON_STATE_ENTERPRISE"},
                              "retirement": {"date": "2013-03-20", "pensionType": "ENTERPRISE"}},
                "spouse": {"idNumber": "440304196005120134", "name": "王强", "sex": "MALE", "birthDate": "1960-05-12",
                           "registration": {"type": "URBAN_HUKOU", "district": "福田区"},
                           "employment": {"employerType": "STATE_OWNED_ENTERPRISE"}},
                "children": [{"name": "王小明", "sex": "MALE", "birthDate": "1985-04-01", "birthOrder": 1,
                              "alive": false, "deathDate": "2005-07-15"}],
                "certificate": {"number": "SZ-1986-000123", "issueDate": "1986-01-10"},
                "hardship": {"minimumLivingAllowance": true}
              }
            }""";
}
