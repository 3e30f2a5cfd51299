package cn.huiyisheng.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import cn.huiyisheng.app.fixtures.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the API is an RFC 9457 problem ({@code application/problem+json}) of one
 * vocabulary: its type, a title in Chinese then English, the status, and every problem located;
 * also where no controller answers (an unknown path, a refusal by the security filters).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    cn.huiyisheng.app.identity.Users users;

    private static HttpHeaders json() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        h.set("Idempotency-Key", "problem-" + System.nanoTime());
        return h;
    }

    private static void isProblem(ResponseEntity<JsonNode> r, int status, String type, String title) {
        assertThat(r.getStatusCode().value()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).isNotNull();
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(r.toString()).isTrue();
        assertThat(r.getBody().get("type").asText()).isEqualTo("urn:huiyisheng:problem:" + type);
        assertThat(r.getBody().get("title").asText()).isEqualTo(title);
        assertThat(r.getBody().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void badInputIsAProblemListingEveryProblemByPath() {
        ResponseEntity<JsonNode> r = http.withBasicAuth("applicant", "applicant").postForEntity("/api/claims",
                new HttpEntity<>("{\"household\": {\"applicant\": {\"name\": \"\"}}, \"bankAccount\": \"x\"}", json()), JsonNode.class);
        isProblem(r, 400, "invalid-request", "请求无效 / Invalid request");
        assertThat(r.getBody().get("problems")).extracting(p -> p.get("path").asText()).contains("$.bankAccount");
    }

    @Test
    void aRefusalCarriesItsStableCode() {
        People.Couple couple = People.couple(users);
        HttpHeaders headers = json();
        http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims", new HttpEntity<>(couple.smallClaim(), headers),
                JsonNode.class);
        ResponseEntity<JsonNode> again = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                new HttpEntity<>(couple.smallClaim("2014-02", "2014-02"), headers), JsonNode.class);
        isProblem(again, 409, "conflict", "与当前状态冲突 / Conflicts with the current state");
        assertThat(again.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(again.getBody().get("problems").get(0).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        ResponseEntity<JsonNode> noTask = http.withBasicAuth("reviewer", "reviewer").exchange("/api/tasks/no-such-task/complete",
                HttpMethod.POST, new HttpEntity<>("{\"decision\": \"APPROVE\"}", json()), JsonNode.class);
        isProblem(noTask, 404, "not-found", "未找到 / Not found");
    }

    @Test
    void whereNoControllerAnswersTheAnswerIsAProblemToo() {
        isProblem(http.exchange("/api/benefits/SPECIAL_SUPPORT/no/such/thing", HttpMethod.GET,
                new HttpEntity<>(json()), JsonNode.class), 404, "not-found", "未找到 / Not found");
        isProblem(http.exchange("/api/claims", HttpMethod.GET, new HttpEntity<>(json()), JsonNode.class),
                401, "unauthorized", "需要登录 / Sign-in required");
        isProblem(http.withBasicAuth("applicant", "applicant").exchange("/api/security-events", HttpMethod.GET,
                new HttpEntity<>(json()), JsonNode.class), 403, "forbidden", "无权操作 / Not allowed");
    }
}
