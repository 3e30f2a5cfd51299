package cn.huiyisheng.app.security;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refused access and every staff read of personal data is in the security trail, whose
 * chain finds a changed row; sign-ins are throttled; sessions and pages carry the usual protections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTrailTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SecurityTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServletWebServerApplicationContext context;

    private JsonNode events(String actor, String type) {
        trail.seal();
        return http.withBasicAuth("auditor", "auditor").getForObject("/api/security-events?actor=" + actor + "&type=" + type, JsonNode.class);
    }

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private String submit(People.Couple couple) {
        return new ClaimDriver(http, runtime, management, taskService).submit(couple, couple.smallClaim());
    }

    @Test
    void refusedAccessesAndStaffReadsAreRecordedAndTheChainFindsAChangedRow() {
        People.Couple couple = People.couple(users);
        String reference = submit(couple);
        People.Couple other = People.couple(users);

        // another applicant asks for the claim: 404, and the attempt is on record
        assertThat(http.withBasicAuth(other.username(), other.password()).getForEntity("/api/claims/" + reference, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        JsonNode refused = events(other.username(), "ACCESS_REFUSED");
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.get("target").asText()).isEqualTo("claim " + reference);
            assertThat(e.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(e.get("seq").asLong()).isPositive();
        });
        // a role refused at the door is on record too
        assertThat(http.withBasicAuth(other.username(), other.password()).getForEntity("/api/tasks", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(events(other.username(), "ACCESS_REFUSED")).anySatisfy(e -> {
            assertThat(e.get("target").asText()).isEqualTo("GET /api/tasks");
            assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
        });

        // a reviewer reads the household: recorded; the applicant reading their own claim is not a staff read
        assertThat(http.withBasicAuth("reviewer", "reviewer").getForEntity("/api/claims/" + reference, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(couple.username(), couple.password()).getForEntity("/api/claims/" + reference, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(events("reviewer", "READ_HOUSEHOLD")).anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo("claim " + reference));
        assertThat(events(couple.username(), "READ_HOUSEHOLD")).isEmpty();
        // nothing personal in the trail
        assertThat(http.withBasicAuth("auditor", "auditor").getForObject("/api/security-events?limit=1000", String.class))
                .doesNotContain(couple.applicantId(), couple.bankAccount(), "李梅");
        // only auditors read the trail
        assertThat(http.withBasicAuth("reviewer", "reviewer").getForEntity("/api/security-events", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);

        // the chain holds; a changed row is found, and where
        JsonNode intact = http.withBasicAuth("auditor", "auditor").getForObject("/api/security-events/verify", JsonNode.class);
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        long id = refused.get(0).get("id").asLong();
        long seq = refused.get(0).get("seq").asLong();
        String detail = jdbc.queryForObject("SELECT detail FROM security_event WHERE id = ?", String.class, id);
        jdbc.update("UPDATE security_event SET detail = ? WHERE id = ?", "nothing happened", id);
        try {
            JsonNode broken = http.withBasicAuth("auditor", "auditor").getForObject("/api/security-events/verify", JsonNode.class);
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAtSeq").asLong()).isEqualTo(seq);
            assertThat(broken.get("problem").asText()).contains("altered");
        } finally {
            jdbc.update("UPDATE security_event SET detail = ? WHERE id = ?", detail, id); // the database outlives this test
        }
        assertThat(http.withBasicAuth("auditor", "auditor").getForObject("/api/security-events/verify", JsonNode.class)
                .get("intact").asBoolean()).isTrue();
    }

    private ResponseEntity<String> signIn(String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.set("X-Forwarded-For", address); // as the load balancer says who the client is
        return http.exchange("/api/claims", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String address() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(250));
    }

    @Test
    void fiveFailedSignInsForAnAccountOrFromAnAddressRefuseFurtherAttemptsForAWhile() {
        People.Couple target = People.couple(users);
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(target.username(), "wrong-" + i, attacker).getStatusCode().value()).isEqualTo(401);
        }
        // even the right password is refused now, from anywhere, with a clear message
        ResponseEntity<String> throttled = signIn(target.username(), target.password(), address());
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getBody()).contains("登录失败次数过多").contains("Too many failed sign-ins");
        assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(events(target.username(), "SIGN_IN_FAILED")).hasSize(5);
        assertThat(events(target.username(), "SIGN_IN_THROTTLED")).isNotEmpty();

        // the attacker's address is refused for another account too; that account is fine from elsewhere
        People.Couple bystander = People.couple(users);
        assertThat(signIn(bystander.username(), bystander.password(), attacker).getStatusCode().value()).isEqualTo(429);
        assertThat(signIn(bystander.username(), bystander.password(), address()).getStatusCode().value()).isEqualTo(200);
        assertThat(events(bystander.username(), "SIGN_IN")).isNotEmpty();
    }

    @Test
    void pagesAndSessionsCarryTheUsualProtections() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        HttpHeaders h = login.getHeaders();
        assertThat(h.getFirst("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(h.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(h.get("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
        ResponseEntity<String> api = http.getForEntity("/api/benefits", String.class);
        assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        // staff sessions end after 30 idle minutes
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        assertThat(StreamSupport.stream(java.util.Arrays.spliterator(tomcat.getHost().findChildren()), false)
                .map(c -> ((org.apache.catalina.Context) c).getSessionTimeout())).containsOnly(30);
    }
}
