package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.fixtures.PackagedService;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.policy.OwnDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For real (issue 10 §7): the packaged service is killed (SIGKILL) while a monthly run is
 * determining the standing entitlements' months in chunks, started again on the same database, and
 * the run resumes: every month of every entitlement is paid exactly once, and a second run pays none
 * of them again. Lived on the service's own clock ({@code huiyisheng.clock.start}): claims approved in
 * October 2013, the run of 2 January 2014. A database of its own (H2 in a temporary folder, or a
 * MariaDB database beside the suite's), chunks of one entitlement, one job thread, jobs locked for 15 s.
 */
class PaymentRunKillIT {

    private static final int COUPLES = 8;
    private final ObjectMapper json = new ObjectMapper();
    private PackagedService service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void killedWhileDeterminingInChunksTheRunResumesAndPaysEveryMonthOnce() throws Exception {
        String ownDatabase = OwnDatabase.mariaDb("_killrun");
        // the jobs the killed service had acquired stay locked for it until their lock expires (Camunda's
        // default: 5 minutes, this service's production setting): 15 s here, so that the test need not wait
        List<String> arguments = new ArrayList<>(List.of("--huiyisheng.payments.chunk-size=1",
                "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
                "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
        if (ownDatabase != null) {
            arguments.add("--spring.datasource.url=" + ownDatabase);
        }
        service = new PackagedService(arguments.toArray(String[]::new));

        // October 2013: bereaved couples claim special support from this month, with no last month; each approved
        service.start("--huiyisheng.clock.start=2013-10-15T10:00:00+08:00");
        Map<String, People.Couple> claims = new HashMap<>();
        for (int i = 0; i < COUPLES; i++) {
            People.Couple couple = People.unregistered();
            assertThat(service.post("/api/accounts", null, couple.registration(), "application/json", null).statusCode()).isEqualTo(201);
            HttpResponse<String> submitted = service.post("/api/claims", couple.username(), couple.openEndedClaim("2013-10"),
                    "application/json", "it-" + UUID.randomUUID());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            claims.put(json.readTree(submitted.body()).get("reference").asText(), couple);
        }
        for (String reference : claims.keySet()) {
            service.await("evaluation of " + reference, () -> claim(reference, claims).get("status").asText().equals("IN_REVIEW"), 60);
            String task = null;
            for (JsonNode t : json.readTree(service.get("/api/tasks?q=" + reference, "reviewer").body())) {
                if (reference.equals(t.path("claimReference").asText())) {
                    task = t.get("id").asText();
                }
            }
            assertThat(service.post("/api/tasks/" + task + "/complete", "reviewer", "{\"decision\": \"APPROVE\"}", "application/json",
                    null).statusCode()).isEqualTo(204);
        }
        for (String reference : claims.keySet()) {
            service.await("approval of " + reference, () -> claim(reference, claims).get("status").asText().equals("APPROVED"), 60);
            assertThat(claim(reference, claims).get("standing")).hasSize(2); // both parents, for life
        }
        service.kill();

        // 2 January 2014: the run determines November to January for 16 standing entitlements, one chunk each
        OffsetDateTime runDay = OffsetDateTime.parse("2014-01-02T09:00:00+08:00");
        long wall = System.nanoTime();
        service.start("--huiyisheng.clock.start=" + runDay);
        long runId = startOrFindRun();
        int[] seen = new int[2];
        service.awaitEvery("the run to be determining its chunks", () -> {
            JsonNode d = run(runId).get("determining");
            seen[0] = d.get("chunksDone").asInt();
            seen[1] = d.get("chunksTotal").asInt();
            return seen[1] > 0 && seen[0] >= 1;
        }, 60, 10);
        service.kill();
        assertThat(seen[1]).as("chunks of the run").isGreaterThanOrEqualTo(2 * COUPLES);
        assertThat(seen[0]).as("killed before the last chunk (%d of %d seen done)", seen[0], seen[1]).isLessThan(seen[1]);

        // started again, later the same morning: the chunks not committed run again, and the run goes on to its files
        // first as the kill left it (no job executor): not every chunk done, so that the resume is exercised
        service.start("--huiyisheng.clock.start=" + runDay.plus(Duration.ofNanos(System.nanoTime() - wall)).plusMinutes(1),
                "--camunda.bpm.job-execution.enabled=false");
        JsonNode left = run(runId).get("determining");
        assertThat(left.get("chunksDone").asInt()).as("chunks done at the kill").isLessThan(left.get("chunksTotal").asInt());
        service.kill();
        service.start("--huiyisheng.clock.start=" + runDay.plus(Duration.ofNanos(System.nanoTime() - wall)).plusMinutes(1));
        service.await("bank files", () -> run(runId).get("status").asText().equals("FILES_WRITTEN"), 120);
        JsonNode run = run(runId);
        assertThat(run.at("/determining/chunksDone").asInt()).isEqualTo(run.at("/determining/chunksTotal").asInt());

        // each claim: both parents, October to December at 135 and January at 340 (v3, published 2013-12-26), each once
        Map<String, List<String>> linesOfClaim = new TreeMap<>();
        StringBuilder bank = new StringBuilder("reference,status,reason\n");
        for (JsonNode f : run.get("files")) {
            String[] rows = service.get(f.get("download").asText(), "payment").body().replace("\uFEFF", "").split("\r\n");
            for (int i = 1; i < rows.length; i++) {
                String[] c = rows[i].split(",", -1);
                bank.append(c[0]).append(",PAID,\n");
                if (claims.containsKey(c[7])) {
                    linesOfClaim.computeIfAbsent(c[7], k -> new ArrayList<>()).add(c[1] + " " + c[5] + " " + c[4] + " " + c[6]);
                }
            }
        }
        assertThat(linesOfClaim).hasSize(COUPLES);
        linesOfClaim.forEach((reference, lines) -> assertThat(lines).as(reference).containsExactlyInAnyOrder(
                "李梅 2013-10 135.00 SPECIAL_SUPPORT", "王强 2013-10 135.00 SPECIAL_SUPPORT",
                "李梅 2013-11 135.00 SPECIAL_SUPPORT", "王强 2013-11 135.00 SPECIAL_SUPPORT",
                "李梅 2013-12 135.00 SPECIAL_SUPPORT", "王强 2013-12 135.00 SPECIAL_SUPPORT",
                "李梅 2014-01 340.00 SPECIAL_SUPPORT", "王强 2014-01 340.00 SPECIAL_SUPPORT"));
        for (String reference : claims.keySet()) {
            assertThat(claim(reference, claims).get("standing")).hasSize(2)
                    .allSatisfy(s -> assertThat(s.get("determinedThrough").asText()).isEqualTo("2014-01"));
        }

        // the bank pays every line; a second run this month finds none of these months due again
        assertThat(service.post("/api/payment-runs/" + runId + "/return-file", "payment", bank.toString(), "text/csv", null).statusCode())
                .isEqualTo(200);
        service.await("reconciliation", () -> run(runId).get("status").asText().equals("RECONCILED"), 60);
        long next = startOrFindRun();
        service.await("the second run to end or write its files", () -> List.of("NOTHING_DUE", "FILES_WRITTEN")
                .contains(run(next).get("status").asText()), 60);
        for (JsonNode f : run(next).get("files")) {
            String file = service.get(f.get("download").asText(), "payment").body();
            claims.keySet().forEach(reference -> assertThat(file).doesNotContain(reference));
        }
    }

    /** Starts a run; if the monthly timer (overdue on the moved clock) started one first, that one. */
    private long startOrFindRun() throws Exception {
        HttpResponse<String> started = service.post("/api/payment-runs", "payment", "", "application/json", null);
        if (started.statusCode() == 201) {
            return json.readTree(started.body()).get("id").asLong();
        }
        assertThat(started.statusCode()).as(started.body()).isEqualTo(409);
        for (JsonNode r : json.readTree(service.get("/api/payment-runs", "payment").body())) {
            if (r.get("status").asText().equals("STARTED")) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("a run is in progress, but none is STARTED: " + service.get("/api/payment-runs", "payment").body());
    }

    private JsonNode claim(String reference, Map<String, People.Couple> claims) throws Exception {
        return json.readTree(service.get("/api/claims/" + reference, claims.get(reference).username()).body());
    }

    private JsonNode run(long id) throws Exception {
        return json.readTree(service.get("/api/payment-runs/" + id, "payment").body());
    }
}
