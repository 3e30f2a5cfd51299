package cn.huiyisheng.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Every input has limits, each refused with a 400 (or 413) naming the path and the limit, never a Java class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputLimitsTest {

    static final String HOUSEHOLD = """
            {"asOf": "2014-06-01", "benefits": ["SPECIAL_SUPPORT"],
             "household": {
               "applicant": {"idNumber": "440304195803200249", "name": "%s", "sex": "FEMALE", "birthDate": "%s",
                             "registration": {"type": "URBAN_HUKOU", "district": "福田区"}},
               "children": [%s]}%s}""";

    static final String CHILD = """
            {"name": "王小明", "sex": "MALE", "birthDate": "1985-04-01", "alive": false, "deathDate": "2005-07-15"}""";

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<JsonNode> evaluate(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/evaluations", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String body(String name, String birthDate, int children, String extra) {
        return HOUSEHOLD.formatted(name, birthDate, String.join(",", java.util.Collections.nCopies(children, CHILD)), extra);
    }

    @Test
    void aTooLongNameIsRefusedAtItsPathWithTheLimit() {
        ResponseEntity<JsonNode> r = evaluate(body("李".repeat(51), "1958-03-20", 1, ""));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("problems")).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("$.household.applicant.name");
            assertThat(p.get("code").asText()).isEqualTo("TOO_LONG");
            assertThat(p.get("message").asText()).contains("at most 50 characters");
        });
        // a megabyte of name: the same, not a 10 MB name accepted
        ResponseEntity<JsonNode> mb = evaluate(body("x".repeat(200_000), "1958-03-20", 1, ""));
        assertThat(mb.getStatusCode().value()).isEqualTo(400);
        assertThat(mb.getBody().at("/problems/0/path").asText()).isEqualTo("$.household.applicant.name");
    }

    @Test
    void tooManyChildrenAnImplausibleDateAndAnUnknownNestedFieldAreEachLocated() {
        ResponseEntity<JsonNode> r = evaluate(body("李梅", "1899-12-31", 21, ", \"extra\": {\"x\": 1}"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        JsonNode problems = r.getBody().get("problems");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("$.household.children");
            assertThat(p.get("code").asText()).isEqualTo("TOO_MANY");
            assertThat(p.get("message").asText()).isEqualTo("at most 20 items");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("$.household.applicant.birthDate");
            assertThat(p.get("code").asText()).isEqualTo("OUT_OF_RANGE");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("$.extra");
            assertThat(p.get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        });
    }

    @Test
    void noMessageNamesAJavaClass() {
        ResponseEntity<JsonNode> r = evaluate("{\"household\": \"a string\", \"benefits\": {\"a\": 1}}");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().toString()).doesNotContain("cn.huiyisheng").doesNotContain("java.").doesNotContain("`");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() {
        ResponseEntity<JsonNode> json = evaluate(body("李梅", "1958-03-20", 1, ", \"pad\": \"" + "x".repeat(300_000) + "\""));
        assertThat(json.getStatusCode().value()).isEqualTo(400);
        assertThat(json.getBody().at("/problems/0/code").asText()).isEqualTo("TOO_LARGE");
        ResponseEntity<JsonNode> huge = evaluate("{\"pad\": \"" + "x".repeat(7 * 1024 * 1024) + "\"}");
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
        assertThat(huge.getBody().at("/problems/0/code").asText()).isEqualTo("TOO_LARGE");
    }
}
