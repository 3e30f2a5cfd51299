package cn.huiyisheng.app.security;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.ActingUser;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.processes.claim.ClaimProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every surface of Camunda, tried by every role as an attacker would: Camunda's REST API (HTTP
 * Basic, and with a session from our login form), the webapps' engine API, their sign-in, and
 * Tasklist. No one but an operator reads anything; no one, not even the operator, acts on a task;
 * and a decision straight through the engine is checked against who performs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamundaSurfacesTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    ClaimMapper claims;

    People.Couple couple;
    String reference;
    String task;

    @BeforeEach
    void aClaimInReview() throws Exception {
        couple = People.couple(users);
        HttpResponse<String> r = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/claims"))
                .header("Authorization", basic(couple.username(), couple.password()))
                .header("Content-Type", "application/json").header("Idempotency-Key", "surfaces-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString(couple.smallClaim())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        reference = r.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        Jobs.runDueOfClaim(runtime, management, reference);
        task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    @Test
    void noRoleReadsOrActsThroughCamundaAndNoOneDecidesThere() throws Exception {
        Map<String, String> people = Map.of(couple.username(), couple.password(), "reviewer", "reviewer", "supervisor", "supervisor",
                "payment", "payment", "policy", "policy", "auditor", "auditor");
        for (Map.Entry<String, String> who : people.entrySet()) {
            String user = who.getKey();
            String password = who.getValue();
            HttpClient basic = HttpClient.newHttpClient();
            // Camunda's REST API with HTTP Basic
            assertRefused(user + " GET /engine-rest/task", get(basic, "/engine-rest/task", user, password));
            assertRefused(user + " GET /engine-rest/process-instance", get(basic, "/engine-rest/process-instance", user, password));
            assertRefused(user + " claim", postJson(basic, "/engine-rest/task/" + task + "/claim", user, password,
                    "{\"userId\": \"reviewer\"}"));
            assertRefused(user + " complete", postJson(basic, "/engine-rest/task/" + task + "/complete", user, password,
                    "{\"variables\": {\"decision\": {\"value\": \"APPROVE\"}}}"));
            // the webapps' engine API with HTTP Basic
            assertRefused(user + " GET /camunda/api/engine", get(basic, "/camunda/api/engine/engine/default/task", user, password));

            // signed in through our login form: the session opens nothing of Camunda's
            HttpClient browser = browser();
            formLogin(browser, user, password);
            assertRefused(user + " (session) GET /engine-rest/task", get(browser, "/engine-rest/task", null, null));
            assertRefused(user + " (session) complete", postJson(browser, "/engine-rest/task/" + task + "/complete", null, null,
                    "{\"variables\": {\"decision\": {\"value\": \"APPROVE\"}}}"));
            assertRefused(user + " (session) GET /camunda/api/engine",
                    get(browser, "/camunda/api/engine/engine/default/task", null, null));

            // Camunda's own sign-in knows only its operators
            HttpClient camunda = browser();
            assertThat(camundaLogin(camunda, user, password).statusCode()).as(user + " Camunda sign-in").isEqualTo(401);
            assertRefused(user + " Tasklist", get(camunda, "/camunda/app/tasklist/default/", null, null));
        }

        // the operator reads through Camunda (Cockpit, scripts) but acts on no task anywhere
        HttpClient admin = HttpClient.newHttpClient();
        assertThat(get(admin, "/engine-rest/task", "admin", "admin").statusCode()).isEqualTo(200);
        assertThat(postJson(admin, "/engine-rest/task/" + task + "/claim", "admin", "admin", "{\"userId\": \"reviewer\"}")
                .statusCode()).isEqualTo(403);
        assertThat(postJson(admin, "/engine-rest/task/" + task + "/complete", "admin", "admin",
                "{\"variables\": {\"decision\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(403);
        HttpClient cockpit = browser();
        assertThat(camundaLogin(cockpit, "admin", "admin").statusCode()).isEqualTo(200);
        assertThat(get(cockpit, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + reference, null, null,
                xsrf(cockpit)).statusCode()).isEqualTo(200);
        HttpResponse<String> completed = send(cockpit, HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + task
                        + "/complete")).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cockpit))
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"decision\": {\"value\": \"APPROVE\"}}}")).build());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(403);
        assertRefused("admin Tasklist", get(cockpit, "/camunda/app/tasklist/default/", null, null));

        // nothing of any attempt took effect
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(claims.findByReference(reference).getReviewer()).isNull();
        assertThat(claims.findByReference(reference).getStatus()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aCompletionStraightThroughTheEngineIsCheckedAgainstWhoPerformsIt() {
        // nobody signed in (a script, the job executor): refused, whatever the assignee says
        taskService.claim(task, "reviewer");
        assertThatThrownBy(() -> taskService.complete(task, Map.of(ClaimProcess.DECISION, "APPROVE")))
                .hasMessageContaining("NOT_AUTHENTICATED");
        // the applicant, with the task assigned to a reviewer: refused by role
        assertThatThrownBy(() -> ActingUser.as(users.current(couple.username()),
                () -> taskService.complete(task, Map.of(ClaimProcess.DECISION, "APPROVE"))))
                .hasMessageContaining("NOT_A_REVIEWER");
        assertThat(claims.findByReference(reference).getReviewer()).isNull();

        // a real reviewer: recorded as the one who decided, not the assignee
        taskService.setAssignee(task, "reviewer2");
        ActingUser.as(users.current("reviewer"), () -> taskService.complete(task, Map.of(ClaimProcess.DECISION, "APPROVE")));
        assertThat(claims.findByReference(reference).getReviewer()).isEqualTo("reviewer");
    }

    private static void assertRefused(String what, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(what + " answered " + r.statusCode() + ": " + r.body()).isIn(401, 403);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path, String user, String password) throws Exception {
        return get(client, path, user, password, null);
    }

    private HttpResponse<String> get(HttpClient client, String path, String user, String password, String xsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET();
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        if (xsrf != null) {
            b.header("X-XSRF-TOKEN", xsrf);
        }
        return send(client, b.build());
    }

    private HttpResponse<String> postJson(HttpClient client, String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        return send(client, b.build());
    }

    /** Signs in through our login form, as the inbox's users do. */
    private void formLogin(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri("/login")).GET().build());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the login page has a CSRF token: " + page.body()).isTrue();
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                .build());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user + " signed in").doesNotContain("error");
    }

    /** Signs in to Camunda's webapps (Cockpit), with the CSRF cookie they hand out first. */
    private HttpResponse<String> camundaLogin(HttpClient browser, String user, String password) throws Exception {
        send(browser, HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET().build());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password))));
        String token = xsrf(browser);
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return send(browser, b.build());
    }

    private static String xsrf(HttpClient browser) {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

}
