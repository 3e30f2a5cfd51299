package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import cn.huiyisheng.processes.claim.ClaimProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A claim from submission to payment over HTTP, on the real engine and the real database (H2, and
 * MariaDB in CI): evaluation sealed, review, second approval, grant, payment run, bank files,
 * return file, paid exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimFlowTest {

    /** A new couple for each test: a claim is paid at most once per person, across all claims. */
    People.Couple couple;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ClaimMapper claims;
    @Autowired
    PaymentMapper payments;
    @Autowired
    SealedDeterminations sealed;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    ClaimWorkflow workflow;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    Users users;
    @Autowired
    cn.huiyisheng.app.payments.Payments paymentService;

    @BeforeEach
    void newCouple() {
        couple = People.couple(users);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private ResponseEntity<JsonNode> submit(String user, String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return as(user).postForEntity("/api/claims", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String submitted(String body) {
        ResponseEntity<JsonNode> r = submit(couple.username(), "test-" + UUID.randomUUID(), body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        String reference = r.getBody().get("reference").asText();
        runJobs(reference);
        return reference;
    }

    private void runJobs(String reference) {
        Jobs.runDueOfClaim(runtime, management, reference);
    }

    private JsonNode claim(String user, String reference) {
        return as(user).getForObject("/api/claims/" + reference, JsonNode.class);
    }

    private String taskOf(String user, String reference) {
        JsonNode inbox = as(user).getForObject("/api/tasks?q=" + reference, JsonNode.class);
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(t -> reference.equals(t.path("claimReference").asText()))
                .map(t -> t.get("id").asText()).findFirst().orElseThrow(() -> new AssertionError("no task for " + reference + " in " + inbox));
    }

    private ResponseEntity<JsonNode> decide(String user, String taskId, String decision, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = reason == null ? "{\"decision\": \"" + decision + "\"}"
                : "{\"decision\": \"" + decision + "\", \"reason\": \"" + reason + "\"}";
        return as(user).postForEntity("/api/tasks/" + taskId + "/complete", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aClaimGoesFromSubmissionThroughSecondApprovalToPaymentPaidExactlyOnce(org.springframework.boot.test.system.CapturedOutput log) {
        String reference = submitted(couple.claim());
        JsonNode c = claim(couple.username(), reference);
        assertThat(c.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(c.get("amountTotal").decimalValue()).isEqualByComparingTo("8040.00");
        assertThat(c.get("bankAccount").asText()).isEqualTo("6222***********" + couple.bankAccount().substring(15));
        assertThat(c.at("/determination/period/benefits/0/subjects/0/segments/0/amount").decimalValue()).isEqualByComparingTo("340.00");
        assertThat(c.get("timeline")).extracting(e -> e.get("type").asText()).containsExactly("SUBMITTED", "EVALUATED");
        assertThat(c.at("/timeline/0/detail").asText()).isEqualTo("benefits SPECIAL_SUPPORT,HARDSHIP_FAMILY_SUPPORT, period 2014-01 to 2014-03");

        // review, then the second approval by someone else
        assertThat(decide("reviewer", taskOf("reviewer", reference), "APPROVE", null).getStatusCode().value()).isEqualTo(204);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(decide("supervisor", taskOf("supervisor", reference), "APPROVE", null).getStatusCode().value()).isEqualTo(204);
        runJobs(reference);
        c = claim(couple.username(), reference);
        assertThat(c.get("status").asText()).isEqualTo("APPROVED");
        assertThat(c.get("reviewer").asText()).isEqualTo("reviewer");
        assertThat(c.get("secondApprover").asText()).isEqualTo("supervisor");
        assertThat(c.get("payments")).hasSize(7);
        assertThat(c.get("timeline")).extracting(e -> e.get("type").asText())
                .containsSubsequence("REVIEWED_APPROVE", "SECOND_APPROVAL_APPROVE", "GRANTED", "NOTIFIED_APPROVAL");
        long claimId = claims.findByReference(reference).getId();

        // the payment run: the bank files hold this claim's seven payments
        JsonNode run = startRun();
        assertThat(run.get("status").asText()).isEqualTo("FILES_WRITTEN");
        List<String> lines = bankLines(run);
        List<String> ours = lines.stream().filter(l -> l.split(",", -1)[7].equals(reference)).toList();
        assertThat(ours).hasSize(7);
        assertThat(ours).allSatisfy(l -> assertThat(l).contains(couple.bankAccount()));
        assertThat(ours).anySatisfy(l -> assertThat(l).contains(",王强," + couple.spouseId() + ",").contains(",340.00,2014-01,SPECIAL_SUPPORT,"));
        assertThat(ours).anySatisfy(l -> assertThat(l).contains(",6000.00,2014,HARDSHIP_FAMILY_SUPPORT,"));

        // the bank pays all but one of ours
        String failedRef = ours.get(0).split(",")[0];
        importReturn(run, lines, failedRef);
        List<PaymentRow> rows = payments.findPaymentsOfClaim(claimId);
        assertThat(rows).filteredOn(p -> p.getStatus().equals("PAID")).hasSize(6);
        assertThat(rows).filteredOn(p -> p.getStatus().equals("FAILED")).hasSize(1);

        // importing the same return file again changes nothing
        ResponseEntity<JsonNode> again = as("payment").exchange("/api/payment-runs/" + run.get("id").asLong() + "/return-file",
                HttpMethod.POST, csv(returnFile(lines, failedRef)), JsonNode.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);

        // the next run takes the failed payment again and nothing already paid
        JsonNode rerun = startRun();
        List<String> rerunLines = bankLines(rerun);
        assertThat(rerunLines.stream().filter(l -> l.split(",", -1)[7].equals(reference))).containsExactly(
                lines.stream().filter(l -> l.startsWith(failedRef + ",")).findFirst().orElseThrow());
        importReturn(rerun, rerunLines, null);
        // once reconciled, the run says what the bank did
        JsonNode outcome = as("payment").getForObject("/api/payment-runs/" + rerun.get("id").asLong(), JsonNode.class).get("outcome");
        assertThat(outcome.get("paid").asLong()).isEqualTo(rerunLines.size());
        assertThat(outcome.get("failed").asLong()).isZero();
        JsonNode first = as("payment").getForObject("/api/payment-runs/" + run.get("id").asLong(), JsonNode.class).get("outcome");
        assertThat(first.get("failed").asLong()).isEqualTo(1);
        assertThat(first.get("failures").get(0).get("reference").asText()).isEqualTo(failedRef);
        assertThat(first.get("failures").get(0).get("reason").asText()).isEqualTo("account frozen");
        rows = payments.findPaymentsOfClaim(claimId);
        assertThat(rows).hasSize(7).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("PAID"));
        assertThat(rows).filteredOn(p -> p.getPeriod().equals("2014-01")).hasSize(2);

        // a third run pays nothing more of this claim
        JsonNode third = startRun();
        if (third.get("payments").asInt() > 0) {
            assertThat(bankLines(third)).noneMatch(l -> l.split(",", -1)[7].equals(reference));
        } else {
            assertThat(third.get("status").asText()).as("an empty run says so").isEqualTo("NOTHING_DUE");
        }
        assertThat(payments.findPaymentsOfClaim(claimId)).hasSize(7).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("PAID"));

        // nothing personal reached the log on the way
        assertThat(log.getAll()).doesNotContain(couple.applicantId(), couple.spouseId(), couple.bankAccount(), "李梅");
    }

    private JsonNode startRun() {
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, payments, management, users);
        ResponseEntity<JsonNode> started = as("payment").postForEntity("/api/payment-runs", null, JsonNode.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        long id = started.getBody().get("id").asLong();
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + id).singleResult().getId());
        return as("payment").getForObject("/api/payment-runs/" + id, JsonNode.class);
    }

    private List<String> bankLines(JsonNode run) {
        List<String> lines = new ArrayList<>();
        for (JsonNode f : run.get("files")) {
            byte[] file = as("payment").getForObject(f.get("download").asText(), byte[].class);
            // what Excel in China opens correctly: UTF-8 with a byte-order mark; RFC 4180 line ends
            assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n");
            String[] rows = text.split("\r\n");
            assertThat(rows[0]).isEqualTo("reference,payee_name,payee_id_number,bank_account,amount,period,benefit,claim,note");
            lines.addAll(List.of(rows).subList(1, rows.length));
        }
        return lines;
    }

    private static String returnFile(List<String> lines, String failedRef) {
        StringBuilder b = new StringBuilder("reference,status,reason\n");
        for (String l : lines) {
            String ref = l.split(",")[0];
            b.append(ref).append(ref.equals(failedRef) ? ",FAILED,account frozen\n" : ",PAID\n");
        }
        return b.toString();
    }

    private static HttpEntity<byte[]> csv(String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers);
    }

    private void importReturn(JsonNode run, List<String> lines, String failedRef) {
        long id = run.get("id").asLong();
        ResponseEntity<JsonNode> imported = as("payment").exchange("/api/payment-runs/" + id + "/return-file", HttpMethod.POST,
                csv(returnFile(lines, failedRef)), JsonNode.class);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(200);
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + id).singleResult().getId());
        assertThat(as("payment").getForObject("/api/payment-runs/" + id, JsonNode.class).get("status").asText()).isEqualTo("RECONCILED");
    }

    @Test
    void aClaimAboveTheThresholdCannotBeSecondApprovedByItsReviewer() {
        String reference = submitted(couple.claim());
        assertThat(decide("supervisor", taskOf("supervisor", reference), "APPROVE", null).getStatusCode().value()).isEqualTo(204);
        // the second approval is not offered to the supervisor who reviewed (his list leaves it out) ...
        JsonNode offered = as("supervisor").getForObject("/api/tasks?q=" + reference, JsonNode.class);
        assertThat(StreamSupport.stream(offered.spliterator(), false).map(t -> t.path("claimReference").asText())).doesNotContain(reference);
        String second = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ClaimProcess.TASK_SECOND_APPROVAL).singleResult().getId();
        // ... and refused when he asks for it by its id
        ResponseEntity<JsonNode> refused = decide("supervisor", second, "APPROVE", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().at("/problems/0/code").asText()).isEqualTo("FOUR_EYES");
        ResponseEntity<JsonNode> notTheirs = decide("reviewer", second, "APPROVE", null);
        assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(claim(couple.username(), reference).get("payments")).isEmpty();

        // past the API, straight to the engine (as an operator's script or Cockpit could): the
        // completion itself is refused, and nothing of it is kept
        taskService.claim(second, "supervisor");
        assertThatThrownBy(() -> cn.huiyisheng.app.identity.ActingUser.as(users.current("supervisor"),
                () -> taskService.complete(second, Map.of(ClaimProcess.DECISION, "APPROVE"))))
                .hasMessageContaining("FOUR_EYES");
        // re-assigning the task to someone else changes nothing: who performs the completion counts
        taskService.setAssignee(second, "reviewer2");
        assertThatThrownBy(() -> cn.huiyisheng.app.identity.ActingUser.as(users.current("supervisor"),
                () -> taskService.complete(second, Map.of(ClaimProcess.DECISION, "APPROVE"))))
                .hasMessageContaining("FOUR_EYES");
        assertThat(taskService.createTaskQuery().taskId(second).singleResult()).isNotNull();
        assertThat(claims.findByReference(reference).getSecondApprover()).isNull();
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
    }

    @Test
    void grantingAgainMakesNoSecondEntitlementOrPayment() {
        String reference = submitted(couple.smallClaim());
        decide("reviewer", taskOf("reviewer", reference), "APPROVE", null);
        runJobs(reference);
        long claimId = claims.findByReference(reference).getId();
        int entitlements = payments.findEntitlements(claimId).size();
        int scheduled = payments.findPaymentsOfClaim(claimId).size();
        assertThat(entitlements).isPositive();
        assertThat(scheduled).isPositive();
        // an operator restarts the grant step (process instance modification in Cockpit)
        transaction.executeWithoutResult(tx -> workflow.grantEntitlements(reference));
        assertThat(payments.findEntitlements(claimId)).hasSize(entitlements);
        assertThat(payments.findPaymentsOfClaim(claimId)).hasSize(scheduled);
    }

    @Test
    void aSmallClaimNeedsNoSecondApproval() {
        String reference = submitted(couple.smallClaim());
        decide("reviewer", taskOf("reviewer", reference), "APPROVE", null);
        runJobs(reference);
        JsonNode c = claim(couple.username(), reference);
        assertThat(c.get("status").asText()).isEqualTo("APPROVED");
        assertThat(c.has("secondApprover")).isFalse();
        assertThat(c.get("payments")).hasSize(2);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnClaims() {
        String reference = submitted(couple.smallClaim());
        assertThat(as("applicant2").getForEntity("/api/claims/" + reference, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("applicant2").getForObject("/api/claims", JsonNode.class))
                .noneMatch(c -> c.get("reference").asText().equals(reference));
        assertThat(as(couple.username()).getForObject("/api/claims", JsonNode.class))
                .anyMatch(c -> c.get("reference").asText().equals(reference));
        assertThat(http.getForEntity("/api/claims/" + reference, JsonNode.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as(couple.username()).getForEntity("/api/tasks", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("reviewer").getForEntity("/api/claims/" + reference, JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRetriedSubmitNeverMakesTwoClaims() {
        String key = "retry-" + UUID.randomUUID();
        ResponseEntity<JsonNode> first = submit(couple.username(), key, couple.smallClaim());
        ResponseEntity<JsonNode> retry = submit(couple.username(), key, couple.smallClaim());
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody().get("reference").asText()).isEqualTo(first.getBody().get("reference").asText());
        ResponseEntity<JsonNode> different = submit(couple.username(), key, couple.claim());
        assertThat(different.getStatusCode().value()).isEqualTo(409);
        assertThat(submit(couple.username(), null, couple.smallClaim()).getStatusCode().value()).isEqualTo(400);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.getBody().get("reference").asText()).count())
                .isEqualTo(1);
    }

    @Test
    void aSubmissionWithProblemsIsRefusedWithEveryPathAndNothingIsStored() {
        int before = claims.findByApplicant(couple.username()).size();
        ResponseEntity<JsonNode> r = submit(couple.username(), "bad-" + UUID.randomUUID(),
                couple.smallClaim().replace(couple.applicantId(), couple.applicantId().substring(0, 17) + (couple.applicantId().charAt(17) == '0' ? '1' : '0')).replace(couple.bankAccount(), "62-22"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("problems")).extracting(p -> p.get("path").asText())
                .contains("$.household.applicant.idNumber", "$.bankAccount");
        assertThat(claims.findByApplicant(couple.username())).hasSize(before);
    }

    @Test
    void anUnansweredRequestForInformationWithdrawsTheClaimAfter30Days() {
        String reference = submitted(couple.smallClaim());
        decide("reviewer", taskOf("reviewer", reference), "REQUEST_INFO", "请提供子女死亡证明 / death certificate of the child");
        runJobs(reference);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("INFO_REQUESTED");
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 29L * 86_400_000));
        runJobs(reference);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("INFO_REQUESTED");
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 31L * 86_400_000));
        runJobs(reference);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(claim(couple.username(), reference).get("timeline")).extracting(e -> e.get("type").asText()).contains("WITHDRAWN");
    }

    @Test
    void anAnsweredRequestIsEvaluatedAgainWithTheCorrectedFacts() {
        String reference = submitted(couple.smallClaim());
        decide("reviewer", taskOf("reviewer", reference), "REQUEST_INFO", "registration?");
        runJobs(reference);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String answer = "{\"note\": \"rural registration\", \"household\": " + couple.household("RURAL_HUKOU") + "}";
        ResponseEntity<JsonNode> answered = as(couple.username()).postForEntity("/api/claims/" + reference + "/information",
                new HttpEntity<>(answer, headers), JsonNode.class);
        assertThat(answered.getStatusCode().value()).isEqualTo(202);
        runJobs(reference);
        JsonNode c = claim(couple.username(), reference);
        assertThat(c.get("status").asText()).isEqualTo("IN_REVIEW");
        // re-evaluated: the rural rate of 2014
        assertThat(c.at("/determination/period/benefits/0/subjects/0/segments/0/amount").decimalValue()).isEqualByComparingTo("170.00");
        assertThat(sealed.ofClaim(claims.findByReference(reference).getId())).hasSize(2);
        assertThat(taskOf("reviewer", reference)).isNotBlank();
    }

    @Test
    void aRefusedClaimCanBeAppealedToAReviewer() {
        String reference = submitted(couple.smallClaim());
        decide("reviewer", taskOf("reviewer", reference), "REFUSE", "not a family-planning family");
        runJobs(reference);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("REFUSED");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> appealed = as(couple.username()).postForEntity("/api/claims/" + reference + "/appeal",
                new HttpEntity<>("{\"reason\": \"we had one child only\"}", headers), JsonNode.class);
        assertThat(appealed.getStatusCode().value()).isEqualTo(202);
        assertThat(claim(couple.username(), reference).get("status").asText()).isEqualTo("APPEALED");
        assertThat(taskOf("reviewer", reference)).isNotBlank();
    }

    @Test
    void everyDeterminationIsSealedInAChainThatReplaysIdentically() {
        String reference = submitted(couple.smallClaim());
        sealed.seal(); // the sealer's pass (it runs every second on its own)
        var record = sealed.latest(claims.findByReference(reference).getId()).orElseThrow();
        assertThat(record.getHash()).hasSize(64).isNotEqualTo(record.getPrevHash());
        assertThat(record.getVersionsJson()).contains("SPECIAL_SUPPORT-v3");
        assertThat(record.getFactsJson()).contains(couple.applicantId());
        // a claim's scope: the recurring benefit over the claim's period only, not also as of today
        assertThat(record.getScope()).isEqualTo("CLAIM");
        JsonNode result = sealed.result(record);
        assertThat(result.at("/determination/benefits")).isEmpty();
        assertThat(result.at("/period/benefits/0/benefit").asText()).isEqualTo("SPECIAL_SUPPORT");
        SealedDeterminations.ChainReport report = sealed.verifyChain();
        assertThat(report.intact()).as(report.toString()).isTrue();
        SealedDeterminations.Replay replay = sealed.replay(record.getId());
        assertThat(replay.identical()).as(replay.firstDifference()).isTrue();
    }


}
