package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.fixtures.PackagedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For real: the packaged service is killed (SIGKILL) between "payment files written" and
 * "reconciled", started again on the same database, and every payment is still paid exactly once.
 * Runs on H2 in a temporary folder, or on MySQL/MariaDB when SPRING_PROFILES_ACTIVE=mysql.
 */
class KillRestartIT {

    private final ObjectMapper json = new ObjectMapper();
    private PackagedService service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.kill();
        }
    }

    private cn.huiyisheng.app.fixtures.People.Couple applicant;

    @Test
    void killedBetweenFilesWrittenAndReconciledEveryPaymentIsStillPaidOnce() throws Exception {
        service = new PackagedService();
        service.start();
        // a new applicant registers (the database may be one that earlier runs used: a new person each time)
        applicant = cn.huiyisheng.app.fixtures.People.unregistered();
        assertThat(service.post("/api/accounts", null, applicant.registration(), "application/json", null).statusCode()).isEqualTo(201);
        String reference = json.readTree(service.post("/api/claims", applicant.username(), applicant.smallClaim(), "application/json",
                "it-" + UUID.randomUUID()).body()).get("reference").asText();
        service.await("evaluation", () -> status(reference).equals("IN_REVIEW"), 60);
        JsonNode inbox = json.readTree(service.get("/api/tasks?q=" + reference, "reviewer").body());
        String task = null;
        for (JsonNode t : inbox) {
            if (reference.equals(t.path("claimReference").asText())) {
                task = t.get("id").asText();
            }
        }
        assertThat(service.post("/api/tasks/" + task + "/complete", "reviewer", "{\"decision\": \"APPROVE\"}", "application/json", null)
                .statusCode()).isEqualTo(204);
        service.await("approval", () -> status(reference).equals("APPROVED"), 60);

        long runId = json.readTree(service.post("/api/payment-runs", "payment", "", "application/json", null).body()).get("id").asLong();
        service.await("bank files", () -> run(runId).get("status").asText().equals("FILES_WRITTEN"), 60);

        service.kill();
        service.start();

        JsonNode run = run(runId);
        assertThat(run.get("status").asText()).isEqualTo("FILES_WRITTEN");
        StringBuilder ret = new StringBuilder("reference,status,reason\n");
        int ours = 0;
        for (JsonNode f : run.get("files")) {
            // the bank file: UTF-8 with a byte-order mark, CRLF line ends
            String[] rows = service.get(f.get("download").asText(), "payment").body().replace("\uFEFF", "").split("\r\n");
            for (int i = 1; i < rows.length; i++) {
                ret.append(rows[i].split(",")[0]).append(",PAID\n");
                ours += rows[i].endsWith("," + reference + ",") ? 1 : 0;
            }
        }
        assertThat(ours).isEqualTo(2);
        assertThat(service.post("/api/payment-runs/" + runId + "/return-file", "payment", ret.toString(), "text/csv", null).statusCode())
                .isEqualTo(200);
        service.await("reconciliation", () -> run(runId).get("status").asText().equals("RECONCILED"), 60);

        JsonNode payments = claim(reference).get("payments");
        assertThat(payments).hasSize(2);
        payments.forEach(p -> assertThat(p.get("status").asText()).isEqualTo("PAID"));

        long next = json.readTree(service.post("/api/payment-runs", "payment", "", "application/json", null).body()).get("id").asLong();
        service.await("the next run to collect", () -> !run(next).get("status").asText().equals("STARTED"), 60);
        for (JsonNode f : run(next).get("files")) {
            assertThat(service.get(f.get("download").asText(), "payment").body()).doesNotContain(reference);
        }
        assertThat(claim(reference).get("payments")).hasSize(2);
    }

    private String status(String reference) throws IOException, InterruptedException {
        return claim(reference).get("status").asText();
    }

    private JsonNode claim(String reference) throws IOException, InterruptedException {
        return json.readTree(service.get("/api/claims/" + reference, applicant.username()).body());
    }

    private JsonNode run(long id) throws IOException, InterruptedException {
        return json.readTree(service.get("/api/payment-runs/" + id, "payment").body());
    }
}
