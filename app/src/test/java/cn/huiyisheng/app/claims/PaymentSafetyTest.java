package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When things go wrong: runs at once, a failing step, a tampered record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentSafetyTest {

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
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    cn.huiyisheng.app.determinations.SealedDeterminations sealed;

    @Autowired
    cn.huiyisheng.app.identity.Users users;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private String submit() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "safety-" + UUID.randomUUID());
        People.Couple couple = People.couple(users);
        ResponseEntity<JsonNode> r = as(couple.username()).postForEntity("/api/claims", new HttpEntity<>(couple.smallClaim(), headers),
                JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        return r.getBody().get("reference").asText();
    }

    private String pi(String reference) {
        return Jobs.processOf(runtime, reference);
    }

    private String approved() {
        String reference = submit();
        Jobs.runDue(management, pi(reference));
        JsonNode inbox = as("reviewer").getForObject("/api/tasks?q=" + reference, JsonNode.class);
        String task = StreamSupport.stream(inbox.spliterator(), false).filter(t -> reference.equals(t.path("claimReference").asText()))
                .map(t -> t.get("id").asText()).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        as("reviewer").postForEntity("/api/tasks/" + task + "/complete", new HttpEntity<>("{\"decision\": \"APPROVE\"}", headers), Void.class);
        Jobs.runDue(management, pi(reference));
        return reference;
    }

    @Test
    void twoRunsAtOnceNeverTakeTheSamePayment() throws Exception {
        String reference = approved();
        long claimId = claims.findByReference(reference).getId();
        assertThat(payments.findPaymentsOfClaim(claimId)).hasSize(2).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("SCHEDULED"));
        List<Job> collects = new ArrayList<>();
        List<Long> runIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long runId = as("payment").postForEntity("/api/payment-runs", null, JsonNode.class).getBody().get("id").asLong();
            runIds.add(runId);
            String runPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + runId).singleResult().getId();
            collects.add(management.createJobQuery().processInstanceId(runPi).singleResult());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (Job job : collects) {
            done.add(pool.submit(() -> {
                start.await();
                management.executeJob(job.getId());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<PaymentRow> ours = payments.findPaymentsOfClaim(claimId);
        assertThat(ours).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("IN_RUN"));
        Set<Long> taken = new HashSet<>();
        int total = 0;
        for (long runId : runIds) {
            List<Long> ids = payments.findLinesOfRun(runId).stream().map(l -> l.getPaymentId()).toList();
            total += ids.size();
            taken.addAll(ids);
        }
        assertThat(taken).hasSize(total);
        assertThat(taken).containsAll(ours.stream().map(PaymentRow::getId).toList());
    }

    @Test
    void theMonthlyTimerStartsARunThatWaitsForItsReturnFile() {
        String reference = approved();
        long claimId = claims.findByReference(reference).getId();
        Job timer = management.createJobQuery().timers().processDefinitionKey("payment-run").singleResult();
        assertThat(timer).as("the monthly timer").isNotNull();
        java.util.Set<String> before = new HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionKey("payment-run").list().forEach(p -> before.add(p.getId()));
        management.executeJob(timer.getId());
        String started = runtime.createProcessInstanceQuery().processDefinitionKey("payment-run").list().stream()
                .map(p -> p.getId()).filter(id -> !before.contains(id)).findFirst().orElseThrow();
        Jobs.runDue(management, started);
        JsonNode run = StreamSupport.stream(as("payment").getForObject("/api/payment-runs", JsonNode.class).spliterator(), false)
                .filter(r -> r.get("startedBy").asText().equals("system")).findFirst().orElseThrow();
        assertThat(run.get("status").asText()).isEqualTo("FILES_WRITTEN");
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("IN_RUN"));
        StringBuilder ret = new StringBuilder("reference,status,reason\n");
        payments.findLinesOfRun(run.get("id").asLong()).forEach(l -> ret.append("HYS-P-").append(l.getPaymentId()).append(",PAID\n"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = as("payment").postForEntity("/api/payment-runs/" + run.get("id").asLong() + "/return-file",
                new HttpEntity<>(ret.toString(), headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(200);
        Jobs.runDue(management, started);
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("PAID"));
    }

    @Test
    void aFailingStepIsRetriedThenRaisesAnIncidentAndTheClaimIsNotLost() {
        String reference = submit();
        long claimId = claims.findByReference(reference).getId();
        String good = claims.find(claimId).getHouseholdJson();
        jdbc.update("UPDATE claim SET household_json = ? WHERE id = ?", "{\"applicant\": 42}", claimId);
        Job evaluate = management.createJobQuery().processInstanceId(pi(reference)).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = management.createJobQuery().jobId(evaluate.getId()).singleResult();
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + attempt * 120_000L));
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("household");
        }
        assertThat(management.createJobQuery().jobId(evaluate.getId()).singleResult().getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(pi(reference)).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_EvaluateEligibility");
        assertThat(claims.find(claimId).getStatus()).isEqualTo("SUBMITTED");

        // operations repair the data and retry from Cockpit (here: the same API)
        jdbc.update("UPDATE claim SET household_json = ? WHERE id = ?", good, claimId);
        management.setJobRetries(evaluate.getId(), 1);
        management.executeJob(evaluate.getId());
        assertThat(claims.find(claimId).getStatus()).isEqualTo("IN_REVIEW");
        assertThat(runtime.createIncidentQuery().processInstanceId(pi(reference)).count()).isZero();
    }

    @Test
    void changingASealedRecordIsFoundByTheChainCheck() {
        String reference = submit();
        Jobs.runDue(management, pi(reference));
        long claimId = claims.findByReference(reference).getId();
        sealed.seal(); // the sealer's pass (it runs every second on its own)
        long seq = sealed.latest(claimId).orElseThrow().getSeq();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("UPDATE determination SET result_json = REPLACE(result_json, '340.00', '3400.00') WHERE claim_id = ?", claimId);
            var report = sealed.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAtSeq()).isEqualTo(seq);
            assertThat(report.problem()).contains("altered");
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> {
            // the scope is sealed too: a record cannot be made to replay another way
            jdbc.update("UPDATE determination SET scope = 'FULL' WHERE claim_id = ?", claimId);
            var report = sealed.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAtSeq()).isEqualTo(seq);
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM entitlement WHERE determination_id IN (SELECT id FROM determination WHERE claim_id = ?)", claimId);
            jdbc.update("DELETE FROM determination WHERE claim_id = ?", claimId);
            var report = sealed.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAtSeq()).isEqualTo(seq);
            assertThat(report.problem()).contains("deleted");
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> {
            // a record slipped in behind the sealer's back, dated before what it has sealed: never chained, and reported
            jdbc.update("INSERT INTO determination (claim_id, as_of, known_at, period_from, period_to, benefits, facts_json,"
                    + " versions_json, result_json, engine_version, recorded_at, scope, records_json)"
                    + " SELECT claim_id, as_of, known_at, period_from, period_to, benefits, facts_json, versions_json,"
                    + " REPLACE(result_json, '340.00', '3400.00'), engine_version, ?, scope, records_json FROM determination"
                    + " WHERE claim_id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), claimId);
            var report = sealed.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.unsealedLate()).isEqualTo(1);
            assertThat(report.problem()).contains("in no seal");
            tx.setRollbackOnly();
        });
        assertThat(sealed.verifyChain().intact()).isTrue();
    }
}
