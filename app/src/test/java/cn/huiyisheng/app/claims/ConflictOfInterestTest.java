package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.ActingUser;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.processes.claim.ClaimProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No one decides or pays a claim of their own household, by person (not by account name), through
 * our API and straight through the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConflictOfInterestTest {

    @Autowired
    TestRestTemplate http;
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
    @Autowired
    PaymentMapper payments;
    @Autowired
    cn.huiyisheng.app.payments.Payments paymentService;

    private ClaimDriver claims() {
        return new ClaimDriver(http, runtime, management, taskService);
    }

    private String submit(People.Couple couple, String body) {
        return claims().submit(couple, body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return claims().post(user, path, body);
    }

    private String reviewTask(String reference) {
        return claims().task(reference);
    }

    /** The claim's references among the tasks the user's lists offer (searched by reference: the lists are paged). */
    private List<String> offered(String user, String reference) {
        JsonNode tasks = http.withBasicAuth(user, user).getForObject("/api/tasks?q=" + reference, JsonNode.class);
        List<String> references = new java.util.ArrayList<>();
        tasks.forEach(t -> references.add(t.path("claimReference").asText()));
        return references;
    }

    @Test
    void aTaskTheUserMayNotDecideIsNotOfferedToThem() {
        // a supervisor reviews a claim above the threshold: its second approval is not in his list, but in another supervisor's
        People.Couple couple = People.couple(users);
        String reference = submit(couple, couple.claim());
        claims().approve("supervisor", reference);
        claims().runJobs(reference);
        assertThat(claims.findByReference(reference).getStatus()).isEqualTo("AWAITING_SECOND_APPROVAL");
        String other = "supervisor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        People.account(users, other, People.newId(java.time.LocalDate.of(1976, 4, 4), true), "冯科", Set.of(Role.SUPERVISOR));
        assertThat(offered("supervisor", reference)).doesNotContain(reference);
        assertThat(offered(other, reference)).contains(reference);

        // a reviewer is never offered a claim of her own household
        People.Couple own = People.unregistered();
        People.account(users, own.username(), own.womanId(), "李梅", Set.of(Role.REVIEWER, Role.APPLICANT));
        String mine = submit(own, own.smallClaim());
        assertThat(offered(own.username(), mine)).doesNotContain(mine);
        assertThat(offered("reviewer", mine)).contains(mine);
    }

    @Test
    void aReviewerCannotReviewTheirOwnClaimByAnyPath() {
        // a reviewer who is also a resident claims for herself
        People.Couple couple = People.unregistered();
        People.account(users, couple.username(), couple.womanId(), "李梅", Set.of(Role.REVIEWER));
        String reference = submit(couple, couple.smallClaim());
        String task = reviewTask(reference);

        ResponseEntity<JsonNode> take = post(couple.username(), "/api/tasks/" + task + "/claim", "");
        assertThat(take.getStatusCode().value()).isEqualTo(403);
        assertThat(take.getBody().at("/problems/0/code").asText()).isEqualTo("CONFLICT_OF_INTEREST");
        ResponseEntity<JsonNode> decide = post(couple.username(), "/api/tasks/" + task + "/complete", "{\"decision\": \"APPROVE\"}");
        assertThat(decide.getStatusCode().value()).isEqualTo(403);
        assertThat(decide.getBody().at("/problems/0/code").asText()).isEqualTo("CONFLICT_OF_INTEREST");
        // straight through the engine, with the task assigned to someone else
        taskService.setAssignee(task, "reviewer");
        assertThatThrownBy(() -> ActingUser.as(users.current(couple.username()),
                () -> taskService.complete(task, Map.of(ClaimProcess.DECISION, "APPROVE"))))
                .hasMessageContaining("CONFLICT_OF_INTEREST");
        assertThat(claims.findByReference(reference).getReviewer()).isNull();
        assertThat(claims.findByReference(reference).getStatus()).isEqualTo("IN_REVIEW");

        // another reviewer may
        taskService.setAssignee(task, null);
        assertThat(post("reviewer", "/api/tasks/" + task + "/complete", "{\"decision\": \"APPROVE\"}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(claims.findByReference(reference).getReviewer()).isEqualTo("reviewer");
    }

    @Test
    void aSupervisorWhoseSpouseClaimsCannotGiveTheSecondApproval() {
        People.Couple couple = People.couple(users);
        // the husband is a supervisor of the commission
        String husband = couple.username() + "-sv";
        People.account(users, husband, couple.manId(), "王强", Set.of(Role.SUPERVISOR, Role.REVIEWER));
        String reference = submit(couple, couple.claim());
        assertThat(post("reviewer", "/api/tasks/" + reviewTask(reference) + "/complete", "{\"decision\": \"APPROVE\"}")
                .getStatusCode().value()).isEqualTo(204);
        String second = reviewTask(reference);
        ResponseEntity<JsonNode> refused = post(husband, "/api/tasks/" + second + "/complete", "{\"decision\": \"APPROVE\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().at("/problems/0/code").asText()).isEqualTo("CONFLICT_OF_INTEREST");
        assertThat(claims.findByReference(reference).getSecondApprover()).isNull();
        assertThat(post("supervisor", "/api/tasks/" + second + "/complete", "{\"decision\": \"APPROVE\"}").getStatusCode().value())
                .isEqualTo(204);
    }

    @Test
    void aPaymentOfficerNeverPaysTheirOwnHousehold() {
        People.Couple couple = People.couple(users);
        String officer = couple.username() + "-po";
        People.account(users, officer, couple.manId(), "王强", Set.of(Role.PAYMENT_OFFICER));
        String reference = submit(couple, couple.smallClaim());
        assertThat(post("reviewer", "/api/tasks/" + reviewTask(reference) + "/complete", "{\"decision\": \"APPROVE\"}")
                .getStatusCode().value()).isEqualTo(204);
        Jobs.runDueOfClaim(runtime, management, reference);
        long claimId = claims.findByReference(reference).getId();
        assertThat(payments.findPaymentsOfClaim(claimId)).hasSize(2).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("SCHEDULED"));

        // the husband's own run leaves his household's payments due
        startRun(officer);
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo("SCHEDULED");
            assertThat(p.getRunId()).isNull();
        });
        // another officer's run takes them, and the husband may not import its return file
        long other = startRun("payment");
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> assertThat(p.getRunId()).isEqualTo(other));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = http.withBasicAuth(officer, officer).postForEntity("/api/payment-runs/" + other + "/return-file",
                new HttpEntity<>("reference,status,reason\n".getBytes(), headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).isEqualTo(403);
        assertThat(imported.getBody().at("/problems/0/code").asText()).isEqualTo("CONFLICT_OF_INTEREST");
    }

    @Test
    void aReviewerWhoIsTheHouseholdsGrownChildCannotReviewIt() {
        People.Couple couple = People.couple(users);
        // the household's son is entered with his ID number, and an account with that number is a
        // reviewer's (the fixture's son died, which makes the claim eligible: the check is by person key)
        String sonId = People.newId(couple.childBorn(), true);
        String son = couple.username() + "-son";
        People.account(users, son, sonId, couple.childName(), Set.of(Role.REVIEWER));
        String body = couple.smallClaim().replace("\"children\": [{", "\"children\": [{\"idNumber\": \"" + sonId + "\", ");
        String reference = submit(couple, body);
        ResponseEntity<JsonNode> refused = post(son, "/api/tasks/" + reviewTask(reference) + "/complete", "{\"decision\": \"APPROVE\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().at("/problems/0/code").asText()).isEqualTo("CONFLICT_OF_INTEREST");
    }

    private long startRun(String officer) {
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, payments, management, users);
        ResponseEntity<JsonNode> started = http.withBasicAuth(officer, officer).postForEntity("/api/payment-runs", null, JsonNode.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        long id = started.getBody().get("id").asLong();
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + id).singleResult().getId());
        return id;
    }
}
