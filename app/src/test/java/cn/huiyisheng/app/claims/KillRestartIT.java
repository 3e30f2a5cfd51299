package cn.huiyisheng.app.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For real: the packaged service is killed (SIGKILL) between "payment files written" and
 * "reconciled", started again on the same database, and every payment is still paid exactly once.
 * Runs on H2 in a temporary folder, or on MySQL/MariaDB when SPRING_PROFILES_ACTIVE=mysql.
 */
class KillRestartIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process service;
    private Path work;
    private int port;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    private cn.huiyisheng.app.fixtures.People.Couple applicant;

    private void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("huiyisheng.jar"), "--server.port=" + port, "--huiyisheng.demo-accounts=true",
                "--huiyisheng.warm-up=false"));
        service = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile()).start();
        await("the service to answer", () -> get("/actuator/health", null).statusCode() == 200, 90);
    }

    @Test
    void killedBetweenFilesWrittenAndReconciledEveryPaymentIsStillPaidOnce() throws Exception {
        work = Files.createTempDirectory("huiyisheng-it");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start();
        // a new applicant registers (the database may be one that earlier runs used: a new person each time)
        applicant = cn.huiyisheng.app.fixtures.People.unregistered();
        assertThat(post("/api/accounts", null, applicant.registration(), "application/json", null).statusCode()).isEqualTo(201);
        String reference = json.readTree(post("/api/claims", applicant.username(), applicant.smallClaim(), "application/json",
                "it-" + UUID.randomUUID()).body()).get("reference").asText();
        await("evaluation", () -> status(reference).equals("IN_REVIEW"), 60);
        JsonNode inbox = json.readTree(get("/api/tasks?q=" + reference, "reviewer").body());
        String task = null;
        for (JsonNode t : inbox) {
            if (reference.equals(t.path("claimReference").asText())) {
                task = t.get("id").asText();
            }
        }
        assertThat(post("/api/tasks/" + task + "/complete", "reviewer", "{\"decision\": \"APPROVE\"}", "application/json", null)
                .statusCode()).isEqualTo(204);
        await("approval", () -> status(reference).equals("APPROVED"), 60);

        long runId = json.readTree(post("/api/payment-runs", "payment", "", "application/json", null).body()).get("id").asLong();
        await("bank files", () -> run(runId).get("status").asText().equals("FILES_WRITTEN"), 60);

        service.destroyForcibly().waitFor();
        start();

        JsonNode run = run(runId);
        assertThat(run.get("status").asText()).isEqualTo("FILES_WRITTEN");
        StringBuilder ret = new StringBuilder("reference,status,reason\n");
        int ours = 0;
        for (JsonNode f : run.get("files")) {
            // the bank file: UTF-8 with a byte-order mark, CRLF line ends
            String[] rows = get(f.get("download").asText(), "payment").body().replace("\uFEFF", "").split("\r\n");
            for (int i = 1; i < rows.length; i++) {
                ret.append(rows[i].split(",")[0]).append(",PAID\n");
                ours += rows[i].endsWith("," + reference + ",") ? 1 : 0;
            }
        }
        assertThat(ours).isEqualTo(2);
        assertThat(post("/api/payment-runs/" + runId + "/return-file", "payment", ret.toString(), "text/csv", null).statusCode())
                .isEqualTo(200);
        await("reconciliation", () -> run(runId).get("status").asText().equals("RECONCILED"), 60);

        JsonNode payments = claim(reference).get("payments");
        assertThat(payments).hasSize(2);
        payments.forEach(p -> assertThat(p.get("status").asText()).isEqualTo("PAID"));

        long next = json.readTree(post("/api/payment-runs", "payment", "", "application/json", null).body()).get("id").asLong();
        await("the next run to collect", () -> !run(next).get("status").asText().equals("STARTED"), 60);
        for (JsonNode f : run(next).get("files")) {
            assertThat(get(f.get("download").asText(), "payment").body()).doesNotContain(reference);
        }
        assertThat(claim(reference).get("payments")).hasSize(2);
    }

    private String status(String reference) throws IOException, InterruptedException {
        return claim(reference).get("status").asText();
    }

    private JsonNode claim(String reference) throws IOException, InterruptedException {
        return json.readTree(get("/api/claims/" + reference, applicant.username()).body());
    }

    private JsonNode run(long id) throws IOException, InterruptedException {
        return json.readTree(get("/api/payment-runs/" + id, "payment").body());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String body, String type, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, user).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private void await(String what, Check check, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (service != null && !service.isAlive()) {
                throw new AssertionError("the service died; its log: " + Files.readString(work.resolve("service.log")));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + seconds + " s for " + what + (last == null ? "" : " (" + last + ")")
                + "; service log tail: " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("service.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

}
