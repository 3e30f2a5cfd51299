package cn.huiyisheng.app.web;

import cn.huiyisheng.app.evaluation.EvaluationRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths of problems, without the service around the reader. */
class JsonInputPathTest {

    private final JsonInput input = new JsonInput(new ObjectMapper().findAndRegisterModules());

    @Test
    void anUnknownNestedFieldIsReportedAtItsOwnPath() {
        var read = input.read("{\"extra\": {\"x\": 1}, \"household\": {\"applicant\": {\"more\": [1, 2]}}}".getBytes(StandardCharsets.UTF_8),
                EvaluationRequest.class);
        assertThat(read.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder("$.extra", "$.household.applicant.more");
    }
}
