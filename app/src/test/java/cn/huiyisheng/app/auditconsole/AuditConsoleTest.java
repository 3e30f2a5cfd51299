package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.fixtures.PolicyLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' API (issue 12 §1, §2) on a claim's sealed determination: found by its reference,
 * by a parent's resident ID (the search in the security trail), by version and SHA-256; read with
 * its facts masked, its deciding rows marked and its seal checked; unmasked only for a reason;
 * replayed as decided (the same bytes) and, after a correction is published, as known now (the
 * drift per month named with the correction); a changed result found by the replay and the seal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditConsoleTest {

    /** A database of its own: a correction of special support is published here. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        cn.huiyisheng.app.policy.OwnDatabase.register(registry, "_audit", "audit");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    cn.huiyisheng.app.identity.Users users;
    @Autowired
    SealedDeterminations determinations;
    @Autowired
    DeterminationIndex index;
    @Autowired
    JdbcTemplate jdbc;

    JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> r = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void anAuditorFindsAClaimsDecisionReadsWhatDecidedItAndReplaysItAsDecidedAndAsKnownAfterACorrection() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        String reference = driver.submit(couple, couple.smallClaim("2014-06", "2014-08"));
        determinations.seal();
        index.index();

        // found by its reference: one claim evaluation, eligible, 3 months (June to August 2014) × 340 × 2 parents
        JsonNode page = get("auditor", "/api/audit/determinations?reference=" + reference);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode hit = page.get("hits").get(0);
        assertThat(hit.get("scope").asText()).isEqualTo("CLAIM");
        assertThat(hit.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(hit.get("total").decimalValue()).isEqualByComparingTo("2040.00");
        assertThat(hit.get("benefits").toString()).contains("SPECIAL_SUPPORT");
        String version = hit.get("versions").get(0).asText();
        assertThat(version).startsWith("SPECIAL_SUPPORT-v");
        long id = hit.get("id").asLong();

        // by the husband's resident ID (he is the spouse in the facts): the same record; the search is in the trail, the ID masked
        JsonNode byPerson = get("auditor", "/api/audit/determinations?idNumber=" + couple.manId());
        assertThat(byPerson.get("hits").findValuesAsText("reference")).contains(reference);
        assertThat(jdbc.queryForList("SELECT target FROM security_event WHERE actor = 'auditor' AND type = 'AUDIT_READ'", String.class))
                .anyMatch(t -> t.contains("person") && !t.contains(couple.manId()) && t.contains(couple.manId().substring(couple.manId().length() - 1)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM determination_term WHERE term = ?", Integer.class, couple.manId())).isZero();
        // by version, and by the SHA-256 the record names for it; with a benefit it does not have, none
        JsonNode record = get("auditor", "/api/audit/determinations/" + id);
        String sha = record.get("versions").get(0).get("sha256").asText();
        assertThat(get("auditor", "/api/audit/determinations?version=" + version + "&reference=" + reference).get("total").asLong()).isEqualTo(1);
        assertThat(get("auditor", "/api/audit/determinations?sha256=" + sha.toUpperCase() + "&reference=" + reference).get("total").asLong())
                .isEqualTo(1);
        assertThat(get("auditor", "/api/audit/determinations?benefit=ONE_CHILD_HEALTH_FEE&reference=" + reference).get("total").asLong()).isZero();
        assertThat(get("auditor", "/api/audit/determinations?outcome=NOT_ELIGIBLE&reference=" + reference).get("total").asLong()).isZero();
        // by the date it was decided as of
        assertThat(get("auditor", "/api/audit/determinations?asOfFrom=2000-01-01&reference=" + reference).get("total").asLong()).isEqualTo(1);
        assertThat(get("auditor", "/api/audit/determinations?asOfFrom=2000-01-01&asOfTo=2000-12-31&reference=" + reference).get("total").asLong())
                .isZero();
        // a wrong filter is named by its field, and nothing is searched
        ResponseEntity<JsonNode> wrong = http.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/audit/determinations?idNumber=440304195803200000&from=2026-13-01", JsonNode.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("idNumber").contains("from");

        // the record: facts masked, the seal holds, the deciding row marked in the version's table
        assertThat(record.get("factsJson").asText()).doesNotContain(couple.womanId()).doesNotContain(couple.manId()).doesNotContain("王强")
                .contains("1958-03-20");
        assertThat(record.get("unmasked").asBoolean()).isFalse();
        assertThat(record.get("seal").get("sealed").asBoolean()).isTrue();
        assertThat(record.get("seal").get("hashHolds").asBoolean()).isTrue();
        assertThat(record.get("seal").get("linkHolds").asBoolean()).isTrue();
        JsonNode v = record.get("versions").get(0);
        assertThat(v.get("shaMatchesCatalog").asBoolean()).isTrue();
        assertThat(v.get("basisDocument").asText()).isNotBlank();
        List<String> deciding = new ArrayList<>();
        v.get("rows").forEach(r -> {
            if (r.get("deciding").asBoolean()) {
                deciding.add(r.get("rowId").asText());
            }
        });
        assertThat(deciding).isNotEmpty();
        assertThat(record.get("decided").toString()).contains(deciding.get(0));
        assertThat(record.get("decided").findValuesAsText("from")).contains("2014-06");
        // with the conditions that decided it, in both languages
        assertThat(record.get("decided").get(0).get("reasons").findValuesAsText("zh")).isNotEmpty();
        assertThat(record.get("decided").get(0).get("reasons").findValuesAsText("met")).contains("true");

        // in clear only for a reason, which the trail keeps
        assertThat(post("auditor", "/api/audit/determinations/" + id + "/unmask", "{\"reason\": \"\"}").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> clear = post("auditor", "/api/audit/determinations/" + id + "/unmask", "{\"reason\": \"2026年度专项审计抽查\"}");
        assertThat(clear.getStatusCode().value()).isEqualTo(200);
        assertThat(clear.getHeaders().getCacheControl()).contains("no-store");
        assertThat(clear.getBody().get("factsJson").asText()).contains(couple.womanId()).contains("王强");
        assertThat(jdbc.queryForList("SELECT detail FROM security_event WHERE actor = 'auditor' AND type = 'AUDIT_READ' AND target = ?",
                String.class, "determination " + id)).containsExactly("facts unmasked: 2026年度专项审计抽查");

        // replayed as decided: the same bytes
        JsonNode same = get("auditor", "/api/audit/determinations/" + id + "/replay");
        assertThat(same.get("identical").asBoolean()).isTrue();
        assertThat(same.get("replayedSha256").asText()).isEqualTo(same.get("storedSha256").asText()).isEqualTo(record.get("resultSha256").asText());
        assertThat(same.get("differences")).isEmpty();
        // as known now, before any correction: unchanged
        assertThat(get("auditor", "/api/audit/determinations/" + id + "/replay-now").get("unchanged").asBoolean()).isTrue();

        // policy staff publish a correction: 380 a month from July 2014
        JsonNode published = PolicyLifecycle.publishSpecialSupport380(http, "2014-07-01", "2014-06-30");
        String correction = "SPECIAL_SUPPORT-v" + published.get("publishedVersion").asInt();
        // known from three seconds after its approval; a bulk run takes the rules as known at its start, to the whole second
        Thread.sleep(cn.huiyisheng.app.policy.PolicyCatalog.PUBLICATION_DELAY.plus(Duration.ofMillis(1500)).toMillis());
        JsonNode now = get("auditor", "/api/audit/determinations/" + id + "/replay-now");
        assertThat(now.get("unchanged").asBoolean()).isFalse();
        assertThat(now.get("amountDrift").decimalValue()).isEqualByComparingTo("160.00");
        assertThat(now.get("drifts")).hasSize(2);
        for (JsonNode d : now.get("drifts")) {
            assertThat(d.get("from").asText()).isEqualTo("2014-07");
            assertThat(d.get("to").asText()).isEqualTo("2014-08");
            assertThat(d.get("units").asInt()).isEqualTo(2);
            assertThat(d.get("amountThen").decimalValue()).isEqualByComparingTo("340.00");
            assertThat(d.get("amountNow").decimalValue()).isEqualByComparingTo("380.00");
            assertThat(d.get("versionThen").asText()).isEqualTo(version);
            assertThat(d.get("cause").asText()).isEqualTo(correction);
        }
        assertThat(now.get("drifts").findValuesAsText("subject")).containsExactlyInAnyOrder("applicant", "spouse");
        // as decided is still the same bytes: the versions then
        assertThat(get("auditor", "/api/audit/determinations/" + id + "/replay").get("identical").asBoolean()).isTrue();

        // in bulk, over today's special-support records: as known now, this claim's record drifts by the correction; as decided, none
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        ResponseEntity<JsonNode> started = post("auditor", "/api/audit/replays",
                "{\"mode\": \"AS_KNOWN_NOW\", \"from\": \"" + today + "\", \"to\": \"" + today + "\", \"benefit\": \"SPECIAL_SUPPORT\"}");
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        long run = started.getBody().get("id").asLong();
        assertThat(started.getBody().get("status").asText()).isEqualTo("RUNNING");
        long selected = started.getBody().get("recordsTotal").asLong();
        assertThat(selected).isGreaterThanOrEqualTo(1);
        cn.huiyisheng.app.Jobs.runReplay(runtime, management, run);
        JsonNode done = get("auditor", "/api/audit/replays/" + run);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("recordsDone").asLong()).isEqualTo(selected);
        JsonNode result = done.get("result");
        assertThat(result.get("records").asLong()).isEqualTo(selected);
        assertThat(result.get("drifted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("failed").asLong()).isZero();
        assertThat(result.get("causes").findValuesAsText("cause")).contains(correction);
        JsonNode items = get("auditor", "/api/audit/replays/" + run + "/items");
        JsonNode mine = null;
        for (JsonNode i : items) {
            if (i.get("determinationId").asLong() == id) {
                mine = i;
            }
        }
        assertThat(mine).as(items.toString()).isNotNull();
        assertThat(mine.get("cause").asText()).isEqualTo(correction);
        assertThat(mine.get("amountDrift").decimalValue()).isEqualByComparingTo("160.00");
        assertThat(mine.get("reference").asText()).isEqualTo(reference);
        JsonNode decidedRun = post("auditor", "/api/audit/replays", "{\"mode\": \"AS_DECIDED\", \"from\": \"" + today + "\"}").getBody();
        cn.huiyisheng.app.Jobs.runReplay(runtime, management, decidedRun.get("id").asLong());
        JsonNode decidedDone = get("auditor", "/api/audit/replays/" + decidedRun.get("id").asLong());
        assertThat(decidedDone.get("result").get("identical").asLong()).isEqualTo(decidedDone.get("recordsTotal").asLong());
        assertThat(decidedDone.get("result").get("drifted").asLong()).isZero();
        // nothing selected: refused by its field
        ResponseEntity<JsonNode> none = post("auditor", "/api/audit/replays", "{\"mode\": \"AS_DECIDED\", \"from\": \"2001-01-01\", \"to\": \"2001-01-31\"}");
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(none.getBody().toString()).contains("criteria");
        // cancelled before its chunks run: they replay nothing, and it says so
        long cancelled = post("auditor", "/api/audit/replays", "{\"mode\": \"AS_DECIDED\"}").getBody().get("id").asLong();
        assertThat(post("auditor", "/api/audit/replays/" + cancelled + "/cancel", "").getStatusCode().value()).isEqualTo(200);
        cn.huiyisheng.app.Jobs.runReplay(runtime, management, cancelled);
        JsonNode c = get("auditor", "/api/audit/replays/" + cancelled);
        assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(c.get("result").get("records").asLong()).isZero();
        assertThat(post("auditor", "/api/audit/replays/" + cancelled + "/cancel", "").getStatusCode().value()).isEqualTo(409);

        // a changed result: the replay names each difference, the seal says altered
        cn.huiyisheng.app.determinations.StoredResults.replace(jdbc, "id = ?", id, "\"amount\":340.00", "\"amount\":341.00");
        try {
            JsonNode changed = get("auditor", "/api/audit/determinations/" + id + "/replay");
            assertThat(changed.get("identical").asBoolean()).isFalse();
            assertThat(changed.get("replayedSha256").asText()).isNotEqualTo(changed.get("storedSha256").asText());
            assertThat(changed.get("differences").findValuesAsText("op")).containsOnly("replace");
            assertThat(changed.get("differences").findValuesAsText("path")).allMatch(p -> p.endsWith("/amount"));
            assertThat(changed.get("patch").asText()).contains("\"value\":340.00");
            JsonNode seal = get("auditor", "/api/audit/determinations/" + id).get("seal");
            assertThat(seal.get("hashHolds").asBoolean()).isFalse();
            long bulk = post("auditor", "/api/audit/replays", "{\"mode\": \"AS_DECIDED\", \"reference\": \"" + reference + "\"}").getBody()
                    .get("id").asLong();
            cn.huiyisheng.app.Jobs.runReplay(runtime, management, bulk);
            JsonNode found = get("auditor", "/api/audit/replays/" + bulk);
            // the bulk replay compares through the seal, with the result as stored (compressed, since V39): a stored
            // result that is no longer the sealed one is named, as the record's seal check (above) and the chain name it
            assertThat(found.get("result").get("identical").asLong()).isZero();
            assertThat(found.get("result").get("failed").asLong()).isEqualTo(1);
            assertThat(found.get("result").get("causes").findValuesAsText("cause")).containsExactly("ALTERED");
        } finally {
            cn.huiyisheng.app.determinations.StoredResults.replace(jdbc, "id = ?", id, "\"amount\":341.00", "\"amount\":340.00");
        }
        // a record changed elsewhere than in its result (here the engine it names): its replay no longer gives its seal,
        // and a closer look finds the record itself altered, not an engine drifting
        String engine = jdbc.queryForObject("SELECT engine_version FROM determination WHERE id = ?", String.class, id);
        jdbc.update("UPDATE determination SET engine_version = 'huiyisheng-rules/9.9.9' WHERE id = ?", id);
        try {
            long bulk = post("auditor", "/api/audit/replays", "{\"mode\": \"AS_DECIDED\", \"reference\": \"" + reference + "\"}").getBody()
                    .get("id").asLong();
            cn.huiyisheng.app.Jobs.runReplay(runtime, management, bulk);
            JsonNode found = get("auditor", "/api/audit/replays/" + bulk);
            assertThat(found.get("result").get("failed").asLong()).isEqualTo(1);
            assertThat(found.get("result").get("drifted").asLong()).isZero();
            assertThat(found.get("result").get("causes").findValuesAsText("cause")).containsExactly("ALTERED");
        } finally {
            jdbc.update("UPDATE determination SET engine_version = ? WHERE id = ?", engine, id);
        }
        assertThat(get("auditor", "/api/audit/determinations/" + id).get("seal").get("hashHolds").asBoolean()).isTrue();
    }

    @Test
    void bothChainsAreVerifiedInTheBackgroundWithProgressAndTheTrailIsFilteredAndItsReadingRecorded() {
        ResponseEntity<JsonNode> started = post("auditor", "/api/audit/chains/verify", "");
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        JsonNode done = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("auditor", "/api/audit/chains/verify"), r -> !r.get("running").asBoolean());
        assertThat(done.get("intact").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("determinations").get("records").asLong()).isEqualTo(done.get("determinationsTotal").asLong());
        assertThat(done.get("by").asText()).isEqualTo("auditor");

        // a refused access, then the trail filtered to refusals of that user
        ResponseEntity<String> denied = http.withBasicAuth("applicant", "applicant").getForEntity("/api/audit/determinations", String.class);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        JsonNode refused = get("auditor", "/api/audit/trail?actor=applicant&outcome=REFUSED");
        assertThat(refused.get("entries").findValuesAsText("target")).anyMatch(t -> t.contains("/api/audit/determinations"));
        assertThat(refused.get("entries").findValuesAsText("actor")).containsOnly("applicant");
        // reading it is recorded, with the filters
        JsonNode reads = get("auditor", "/api/audit/trail?actor=auditor&type=AUDIT_READ&target=security trail");
        assertThat(reads.get("entries").findValuesAsText("detail")).anyMatch(d -> d.contains("actor=applicant outcome=REFUSED"));
        ResponseEntity<JsonNode> wrong = http.withBasicAuth("auditor", "auditor").getForEntity("/api/audit/trail?type=NOPE&from=2026-02-30",
                JsonNode.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("type").contains("from");
    }

    @Test
    void onlyAuditorsReachTheAuditApiAndAnUnknownRecordIsNotFound() {
        for (String user : List.of("applicant", "reviewer", "supervisor", "payment", "policy")) {
            ResponseEntity<String> r = http.withBasicAuth(user, user).getForEntity("/api/audit/determinations", String.class);
            assertThat(r.getStatusCode().value()).as(user).isIn(401, 403);
        }
        assertThat(http.withBasicAuth("auditor", "auditor").getForEntity("/api/audit/determinations/987654321", String.class)
                .getStatusCode().value()).isEqualTo(404);
    }
}
