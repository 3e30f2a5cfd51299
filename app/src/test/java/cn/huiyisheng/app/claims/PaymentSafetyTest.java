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
    @Autowired
    cn.huiyisheng.app.payments.Payments paymentService;
    @Autowired
    cn.huiyisheng.app.notifications.Notifications notifications;
    @Autowired
    cn.huiyisheng.app.notifications.persistence.NotificationMapper notificationRows;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    javax.sql.DataSource dataSource;

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

    private void finishRuns() {
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, payments, management, users);
    }

    @Test
    void aRunInProgressBlocksANewOneAndTwoStartsAtOnceMakeOneRun() throws Exception {
        finishRuns();
        String reference = approved();
        long claimId = claims.findByReference(reference).getId();
        // two officers' requests at the same instant: one run starts, the other is told which is in progress
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return as("payment").postForEntity("/api/payment-runs", null, JsonNode.class);
            }));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> got = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> f : answers) {
            got.add(f.get());
        }
        pool.shutdown();
        assertThat(got).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(201, 409);
        long runId = got.stream().filter(r -> r.getStatusCode().value() == 201).findFirst().orElseThrow().getBody().get("id").asLong();
        JsonNode refused = got.stream().filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow().getBody();
        assertThat(refused.get("code").asText()).isEqualTo("RUN_IN_PROGRESS");
        assertThat(refused.get("detail").asText()).contains("run " + runId);

        // awaiting its return file, the run still blocks a new one
        String runPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + runId).singleResult().getId();
        Jobs.runDue(management, runPi);
        assertThat(payments.findRun(runId).getStatus()).isEqualTo("FILES_WRITTEN");
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo("IN_RUN");
            assertThat(p.getRunId()).isEqualTo(runId);
        });
        assertThat(as("payment").postForEntity("/api/payment-runs", null, JsonNode.class).getStatusCode().value()).isEqualTo(409);
        // and the database holds the line too: a second run marked in progress is refused whatever the service checked
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("INSERT INTO payment_run (run_month, status, started_by,"
                        + " started_at, payment_count, total, in_progress) VALUES ('2026-12', 'STARTED', 'x', CURRENT_TIMESTAMP, 0, 0, 'Y')"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        // reconciled, it lets the next one start
        finishRuns();
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("PAID"));
        ResponseEntity<JsonNode> next = as("payment").postForEntity("/api/payment-runs", null, JsonNode.class);
        assertThat(next.getStatusCode().value()).isEqualTo(201);
        finishRuns();
    }

    @Test
    void theMonthlyTimerStartsNoSecondRunWhileAnOfficersRunIsInProgress() {
        finishRuns();
        String reference = approved();
        long claimId = claims.findByReference(reference).getId();
        long officers = as("payment").postForEntity("/api/payment-runs", null, JsonNode.class).getBody().get("id").asLong();
        Job timer = management.createJobQuery().timers().processDefinitionKey("payment-run").singleResult();
        java.util.Set<String> before = new HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionKey("payment-run").list().forEach(p -> before.add(p.getId()));
        management.executeJob(timer.getId());
        String started = runtime.createProcessInstanceQuery().processDefinitionKey("payment-run").list().stream()
                .map(p -> p.getId()).filter(id -> !before.contains(id)).findFirst().orElseThrow();
        Jobs.runDue(management, started);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started).count()).as("the timer's process ended").isZero();
        JsonNode skipped = StreamSupport.stream(as("payment").getForObject("/api/payment-runs", JsonNode.class).spliterator(), false)
                .filter(r -> r.get("startedBy").asText().equals("system")).findFirst().orElseThrow();
        assertThat(skipped.get("status").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.get("payments").asInt()).isZero();
        // the officer's run takes the payments, once
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + officers).singleResult().getId());
        assertThat(payments.findPaymentsOfClaim(claimId)).allSatisfy(p -> assertThat(p.getRunId()).isEqualTo(officers));
        finishRuns();
    }

    @Test
    void theMonthlyTimerStartsARunThatWaitsForItsReturnFile() {
        finishRuns();
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
        // the submission evaluated the claim; the facts are to be evaluated again (as after an applicant's answer)
        runtime.setVariable(pi(reference), cn.huiyisheng.processes.claim.ClaimProcess.ANY_ELIGIBLE, null);
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
        assertThat(claims.find(claimId).getStatus()).isEqualTo("IN_REVIEW"); // as the submission's evaluation left it
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM determination WHERE claim_id = ?", Integer.class, claimId)).isEqualTo(1);

        // operations repair the data and retry from Cockpit (here: the same API)
        jdbc.update("UPDATE claim SET household_json = ? WHERE id = ?", good, claimId);
        management.setJobRetries(evaluate.getId(), 1);
        management.executeJob(evaluate.getId());
        assertThat(claims.find(claimId).getStatus()).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM determination WHERE claim_id = ?", Integer.class, claimId)).isEqualTo(2);
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
            cn.huiyisheng.app.determinations.StoredResults.replace(jdbc, "claim_id = ?", claimId, "340.00", "3400.00");
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
                    + " versions_json, result_json, result_sha256, result_z, engine_version, recorded_at, scope, records_json)"
                    + " SELECT claim_id, as_of, known_at, period_from, period_to, benefits, facts_json, versions_json,"
                    + " result_json, result_sha256, result_z, engine_version, ?, scope, records_json FROM determination"
                    + " WHERE claim_id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), claimId);
            var report = sealed.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.unsealedLate()).isEqualTo(1);
            assertThat(report.problem()).contains("in no seal");
            tx.setRollbackOnly();
        });
        assertThat(sealed.verifyChain().intact()).isTrue();
    }

    /**
     * The grant step and the audit index take a record just evaluated from the node's memory, not
     * parsing its text again: exactly what the stored record says (equal, field by field, to its
     * text read back), and, once the stored record differs, what it says instead.
     */
    @Test
    void aRecordJustEvaluatedIsTakenFromMemoryOnlyWhileTheStoredRecordSaysTheSame() {
        String reference = submit();
        Jobs.runDue(management, pi(reference));
        long claimId = claims.findByReference(reference).getId();
        var row = sealed.latest(claimId).orElseThrow();
        var remembered = sealed.recentResponse(row);
        assertThat(remembered).isSameAs(sealed.recentResponse(row)).isEqualTo(sealed.response(row));
        var stored = new cn.huiyisheng.app.determinations.DeterminationRow(); // no id: read from its text
        stored.setFactsJson(row.getFactsJson());
        assertThat(sealed.recentHousehold(row)).isSameAs(sealed.recentHousehold(row)).isEqualTo(sealed.recentHousehold(stored));
        transaction.executeWithoutResult(tx -> {
            cn.huiyisheng.app.determinations.StoredResults.replace(jdbc, "claim_id = ?", claimId, "340.00", "3400.00");
            jdbc.update("UPDATE determination SET facts_json = REPLACE(facts_json, '福田区', '罗湖区') WHERE claim_id = ?", claimId);
            var changed = sealed.latest(claimId).orElseThrow();
            assertThat(sealed.recentResponse(changed)).isNotSameAs(remembered).isEqualTo(sealed.response(changed))
                    .isNotEqualTo(remembered);
            assertThat(sealed.recentHousehold(changed).applicant().registration().district()).isEqualTo("罗湖区");
            tx.setRollbackOnly();
        });
    }

    /**
     * The chain's verification hashes what the database gives it: on MariaDB the fields joined by the
     * server, elsewhere read one by one. Each shape a record takes (its result as text or compressed,
     * each scope, with the system's records or without, instants with and without a fraction, Chinese
     * text) verifies against the hash the service made of it in Java, and a change in any is named.
     */
    @Test
    void everyShapeOfRecordVerifiesAgainstTheHashMadeInJavaAndAChangeIsNamed() throws Exception {
        long claimId = claims.findByReference(submit()).getId();
        sealed.seal();
        boolean mysql;
        try (java.sql.Connection c = dataSource.getConnection()) {
            mysql = c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb");
        }
        byte[] compressed = cn.huiyisheng.app.determinations.SealedResult.compress("{\"amount\":\"340.00\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        List<cn.huiyisheng.app.determinations.DeterminationRow> rows = List.of(
                record(claimId, "{\"district\":\"福田区\",\"mother\":{\"name\":\"李梅\"}}", "{\"zh\":\"女方年龄：要求≥ 49\"}", null, null,
                        "FULL", null, "2014-06-30T08:00:01Z", "2014-06-30T08:00:02.120Z"),
                record(claimId, "{}", null, cn.huiyisheng.app.determinations.SealedResult.sha256("{\"amount\":\"340.00\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), compressed, "CLAIM", "{\"grants\":[]}",
                        "2020-01-01T00:00:00.001Z", "2026-12-07T21:00:00Z"),
                record(claimId, "{\"a\":1}", "{}", null, null, "PAYMENT", "{}", "2026-01-31T23:59:59Z", "2026-02-01T00:00:00.999Z"));
        transaction.executeWithoutResult(tx -> {
            // the chain's head held while these are sealed by hand (the sealer waits), all of it rolled back
            var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM determination_chain WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("last_seq")).longValue();
            String previous = (String) head.get("last_hash");
            long first = seq + 1;
            for (var r : rows) {
                org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.update(con -> {
                    var st = con.prepareStatement("INSERT INTO determination (claim_id, as_of, known_at, period_from, period_to, benefits,"
                            + " facts_json, versions_json, result_json, result_sha256, result_z, engine_version, recorded_at, scope,"
                            + " records_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
                    Object[] values = {r.getClaimId(), r.getAsOf().toString(), instant(mysql, r.getKnownAt()), r.getPeriodFrom(),
                            r.getPeriodTo(), r.getBenefits(), r.getFactsJson(), r.getVersionsJson(), r.getStoredResultJson(),
                            r.getResultSha256(), r.getResultZ(), r.getEngineVersion(), instant(mysql, r.getRecordedAt()), r.getScope(),
                            r.getRecordsJson()};
                    for (int i = 0; i < values.length; i++) {
                        st.setObject(i + 1, values[i]);
                    }
                    return st;
                }, key);
                r.setId(key.getKey().longValue());
                r.setSeq(++seq);
                r.setPrevHash(previous);
                r.setHash(cn.huiyisheng.app.determinations.SealedDeterminations.hash(r));
                previous = r.getHash();
                jdbc.update("INSERT INTO determination_seal (seq, determination_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                        r.getSeq(), r.getId(), r.getPrevHash(), r.getHash(), java.sql.Timestamp.from(java.time.Instant.now()));
            }
            long last = seq;
            java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
            try {
                var whole = cn.huiyisheng.app.determinations.ChainScan.segment(c, first, last + 1, java.time.Instant.parse("2020-06-01T00:00:00Z"),
                        n -> { });
                assertThat(whole.problem()).isNull();
                assertThat(whole.records()).isEqualTo(3);
                // recorded before the cut-off: the first only (the count of records in no seal relies on it)
                assertThat(whole.recordedBefore()).isEqualTo(1);
                jdbc.update("UPDATE determination SET records_json = '{\"grants\":[1]}' WHERE id = ?", rows.get(1).getId());
                var changed = cn.huiyisheng.app.determinations.ChainScan.segment(c, first, last + 1, java.time.Instant.now(), n -> { });
                assertThat(changed.brokenAtSeq()).isEqualTo(first + 1);
                assertThat(changed.problem()).contains("altered");
                jdbc.update("UPDATE determination SET records_json = '{\"grants\":[]}', recorded_at = ? WHERE id = ?",
                        instant(mysql, java.time.Instant.parse("2026-12-07T21:00:00.500Z")), rows.get(1).getId());
                assertThat(cn.huiyisheng.app.determinations.ChainScan.segment(c, first, last + 1, java.time.Instant.now(), n -> { })
                        .brokenAtSeq()).isEqualTo(first + 1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, dataSource);
            }
            tx.setRollbackOnly();
        });
        assertThat(sealed.verifyChain().intact()).isTrue();
    }

    private static cn.huiyisheng.app.determinations.DeterminationRow record(long claimId, String facts, String resultText, String sha256,
            byte[] z, String scope, String records, String knownAt, String recordedAt) {
        var r = new cn.huiyisheng.app.determinations.DeterminationRow();
        r.setClaimId(claimId);
        r.setAsOf(java.time.LocalDate.of(2014, 6, 30));
        r.setKnownAt(java.time.Instant.parse(knownAt));
        r.setPeriodFrom("2014-01");
        r.setPeriodTo("2014-12");
        r.setBenefits("SPECIAL_SUPPORT");
        r.setFactsJson(facts);
        r.setVersionsJson("{\"SPECIAL_SUPPORT-v3\":\"ab\"}");
        r.setResultJson(resultText);
        r.setResultSha256(sha256);
        r.setResultZ(z);
        r.setEngineVersion("engine-test");
        r.setRecordedAt(java.time.Instant.parse(recordedAt));
        r.setScope(scope);
        r.setRecordsJson(records);
        return r;
    }

    /** An instant as the test stores it: on MariaDB as UTC text (the service's connections send no fraction), elsewhere as the service binds it. */
    private static Object instant(boolean mysql, java.time.Instant at) {
        return mysql ? java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString().replace('T', ' ')
                : java.sql.Timestamp.from(at);
    }

    @Test
    void twoNodesRelayingMessagesAtOnceSendEachOnceAndLoseNone() throws Exception {
        String reference = submit();
        for (int i = 0; i < 120; i++) {
            notifications.claim(reference, cn.huiyisheng.app.notifications.Notifications.Type.INFO_REQUESTED, List.of("m" + i));
        }
        Set<Long> mine = new HashSet<>(jdbc.queryForList("SELECT n.id FROM notification n JOIN claim c ON c.id = n.claim_id"
                + " WHERE c.reference = ? AND n.sms_sent_at IS NULL", Long.class, reference));
        // two nodes' relays with small batches, at the same moment, each marking a batch in one transaction before sending it
        java.util.Queue<Long> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
        cn.huiyisheng.app.notifications.Notifier recording = (username, message) -> sent.add(message.id());
        List<cn.huiyisheng.app.notifications.SmsRelay> nodes = List.of(
                new cn.huiyisheng.app.notifications.SmsRelay(notificationRows, recording, java.time.Clock.systemUTC(), transactions),
                new cn.huiyisheng.app.notifications.SmsRelay(notificationRows, recording, java.time.Clock.systemUTC(), transactions));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (var node : nodes) {
                done.add(pool.submit(() -> {
                    go.await();
                    while (node.relay(25) > 0) {
                        // batch after batch until nothing is left
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // the service's own relay (every minute) may have sent some of them; none was sent twice, none is left
        assertThat(sent).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN claim c ON c.id = n.claim_id"
                + " WHERE c.reference = ? AND n.sms_sent_at IS NULL", Long.class, reference)).isZero();
        assertThat(mine).hasSize(120);
    }

    @Test
    void aRecordStoredAsTextBeforeV39AndOneStoredCompressedSinceAreVerifiedAlike() {
        String reference = submit();
        Jobs.runDue(management, pi(reference));
        long claimId = claims.findByReference(reference).getId();
        var compressed = sealed.latest(claimId).orElseThrow();
        assertThat(compressed.getStoredResultJson()).isNull();
        assertThat(compressed.getResultZ()).isNotEmpty();
        // the same record as V38 stored it: its result as text
        jdbc.update("INSERT INTO determination (claim_id, as_of, known_at, period_from, period_to, benefits, facts_json, versions_json,"
                + " result_json, engine_version, recorded_at, scope, records_json) SELECT claim_id, as_of, known_at, period_from,"
                + " period_to, benefits, facts_json, versions_json, ?, engine_version, recorded_at, scope, records_json FROM determination"
                + " WHERE id = ?", compressed.getResultJson(), compressed.getId());
        sealed.seal();
        var text = sealed.latest(claimId).orElseThrow();
        assertThat(text.getId()).isGreaterThan(compressed.getId());
        assertThat(text.getStoredResultJson()).isEqualTo(compressed.getResultJson());
        assertThat(text.getResultZ()).isNull();
        assertThat(text.getHash()).isNotNull();
        assertThat(sealed.verifyChain().intact()).isTrue();
        assertThat(sealed.replay(text.getId()).identical()).isTrue();
        assertThat(sealed.replay(compressed.getId()).identical()).isTrue();
        // each form's result changed is found, at its own position
        for (var record : List.of(text, sealed.find(compressed.getId()).orElseThrow())) {
            transaction.executeWithoutResult(tx -> {
                cn.huiyisheng.app.determinations.StoredResults.replace(jdbc, "id = ?", record.getId(), "340.00", "3400.00");
                var report = sealed.verifyChain();
                assertThat(report.intact()).isFalse();
                assertThat(report.brokenAtSeq()).isEqualTo(record.getSeq());
                assertThat(report.problem()).contains("altered");
                tx.setRollbackOnly();
            });
        }
        assertThat(sealed.verifyChain().intact()).isTrue();
    }
}
