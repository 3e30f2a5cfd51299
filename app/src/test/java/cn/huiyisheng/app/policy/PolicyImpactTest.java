package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft's impact on the claims already decided, checked against a small history computed by
 * hand: 20 claims for special support, and a draft (saved by LibreOffice) that raises the urban
 * bereaved parents' amount from 340 to 380 a month from 2014-07-01, a retroactive correction.
 * In a database of its own, so that no other test's claims are in the figures; in chunks of 7 claim
 * ids, so that the figures are the sum of three chunks, each its own process instance and job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "huiyisheng.impact.chunk-claims=7")
class PolicyImpactTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        OwnDatabase.register(registry, "_impact", "policy-impact");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    cn.huiyisheng.app.impact.PolicyImpacts impacts;

    /** A claim for special support only, for this couple's household as registered, for these months. */
    static String claim(People.Couple c, String registration, String district, boolean childAlive, String from, String to) {
        String household = c.household(registration).replace("福田区", district);
        if (childAlive) {
            household = household.replace("\"alive\": false, \"deathDate\": \"2005-07-15\"", "\"alive\": true");
        }
        return """
                {"household": %s, "benefits": ["SPECIAL_SUPPORT"], "period": {"from": "%s", "to": "%s"}, "bankAccount": "%s"}"""
                .formatted(household, from, to, c.bankAccount());
    }

    ResponseEntity<JsonNode> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>("{}", headers), JsonNode.class);
    }

    JsonNode impact(long draft) {
        ResponseEntity<JsonNode> r = http.withBasicAuth("policy2", "policy2").getForEntity("/api/policy/drafts/" + draft + "/impact", JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    @Test
    void theFiguresOfADraftOnTwentyDecidedClaimsAreThoseComputedByHand() throws Exception {
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        Map<String, List<String>> refs = new HashMap<>();
        // A: 8 urban bereaved couples in 福田区, 2014: each parent 6 × 340 = 2,040 from July, 6 × 380 = 2,280 with the draft
        // B: 4 rural couples, 2014: 170 a month, unchanged
        // C: 4 urban couples, January to June 2014: all before the draft, not evaluated at all
        // D: 2 urban couples in 南山区, May to August 2014: July and August, 680 → 760 each parent
        // E: 2 urban couples whose only child is alive: eligible neither way
        // F: the first couple of A again, January to March 2015: each parent 3 × 340 → 3 × 380, the same persons as before
        Object[][] sets = {{"A", 8, "URBAN_HUKOU", "福田区", false, "2014-01", "2014-12"},
                {"B", 4, "RURAL_HUKOU", "福田区", false, "2014-01", "2014-12"},
                {"C", 4, "URBAN_HUKOU", "福田区", false, "2014-01", "2014-06"},
                {"D", 2, "URBAN_HUKOU", "南山区", false, "2014-05", "2014-08"},
                {"E", 2, "URBAN_HUKOU", "福田区", true, "2014-01", "2014-12"}};
        People.Couple firstOfA = null;
        for (Object[] set : sets) {
            for (int i = 0; i < (int) set[1]; i++) {
                People.Couple c = People.couple(users);
                firstOfA = firstOfA == null ? c : firstOfA;
                refs.computeIfAbsent((String) set[0], k -> new ArrayList<>()).add(driver.submit(c,
                        claim(c, (String) set[2], (String) set[3], (boolean) set[4], (String) set[5], (String) set[6])));
            }
        }
        refs.put("F", List.of(driver.submit(firstOfA, claim(firstOfA, "URBAN_HUKOU", "福田区", false, "2015-01", "2015-03"))));
        long determinations = jdbc.queryForObject("SELECT COUNT(*) FROM determination", Long.class);
        assertThat(determinations).isEqualTo(21);

        MultiValueMapForm form = new MultiValueMapForm(PolicyDraftsTest.form(PolicyDraftsTest.fixture("special-support-380-libreoffice.xlsx"),
                "2014-07-01"));
        ResponseEntity<JsonNode> created = form.upload(http, "policy");
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        long draft = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("retroactive").asBoolean()).isTrue();

        // only policy staff simulate
        assertThat(post("reviewer", "/api/policy/drafts/" + draft + "/impact").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> started = post("policy", "/api/policy/drafts/" + draft + "/impact");
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        long impactId = started.getBody().get("id").asLong();
        assertThat(started.getBody().get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.getBody().get("versions").toString()).contains("SPECIAL_SUPPORT-v3").contains("(草稿 draft)");
        // one at a time per draft
        ResponseEntity<JsonNode> again = post("policy2", "/api/policy/drafts/" + draft + "/impact");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("code").asText()).isEqualTo("IMPACT_RUNNING");

        Jobs.runImpact(runtime, management, impactId);
        JsonNode done = impact(draft);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("stale").asBoolean()).isFalse();
        assertThat(done.get("chunksTotal").asInt()).as("21 claim ids in chunks of 7").isEqualTo(3);
        assertThat(done.get("chunksDone").asInt()).isEqualTo(3);
        JsonNode result = done.get("result");
        assertThat(result.get("records").asLong()).as("C ends before the draft: 17 of 21 evaluated").isEqualTo(17);
        assertThat(result.get("decisionsChanged").asLong()).as("A, D and F").isEqualTo(11);
        assertThat(result.get("failed").asLong()).isZero();
        assertThat(result.at("/window/from").asText()).isEqualTo("2014-07");
        assertThat(result.at("/window/to").asText()).isEqualTo("2015-06");
        JsonNode ss = result.get("benefits").get(0);
        assertThat(ss.get("benefit").asText()).isEqualTo("SPECIAL_SUPPORT");
        assertThat(ss.get("subjects").asLong()).as("both parents of 17 claims").isEqualTo(34);
        assertThat(ss.get("personsAffected").asLong()).as("F's parents are A's: counted once").isEqualTo(20);
        assertThat(ss.get("eligibleBefore").asLong()).isEqualTo(30);
        assertThat(ss.get("eligibleAfter").asLong()).isEqualTo(30);
        assertThat(ss.get("newlyEligible").asLong()).isZero();
        assertThat(ss.get("noLongerEligible").asLong()).isZero();
        Map<String, Long> categories = new HashMap<>();
        ss.get("categories").forEach(c -> categories.put(c.get("category").asText(), c.get("persons").asLong()));
        assertThat(categories).as("persons, each once").containsEntry("GAIN_OVER_5", 20L).containsEntry("UNCHANGED", 8L).containsEntry("GAIN_UP_TO_5", 0L)
                .containsEntry("LOSS_UP_TO_5", 0L).containsEntry("LOSS_OVER_5", 0L).doesNotContainKey("INELIGIBLE");
        // the first 12 months' cost: A 16 × 2,040 + B 8 × 1,020 + D 4 × 680 + F 2 × 1,020 before;
        // 16 × 2,280 + 8 × 1,020 + 4 × 760 + 2 × 1,140 after
        assertThat(ss.at("/cost12/before").decimalValue()).isEqualByComparingTo("45560.00");
        assertThat(ss.at("/cost12/after").decimalValue()).isEqualByComparingTo("49960.00");
        assertThat(ss.at("/cost12/change").decimalValue()).isEqualByComparingTo("4400.00");
        Map<String, String> byDistrict = new HashMap<>();
        ss.get("byDistrict").forEach(g -> byDistrict.put(g.get("key").asText(), g.get("persons").asText() + " " + g.get("change12").decimalValue()
                .setScale(2).toPlainString()));
        assertThat(byDistrict).containsExactlyInAnyOrderEntriesOf(Map.of("福田区", "16 4080.00", "南山区", "4 320.00"));
        assertThat(ss.get("byRegistration")).singleElement().satisfies(g -> {
            assertThat(g.get("key").asText()).isEqualTo("URBAN_HUKOU");
            assertThat(g.get("zh").asText()).isEqualTo("城镇户籍");
            assertThat(g.get("change12").decimalValue()).isEqualByComparingTo("4400.00");
        });
        // the chunks' sums, corrected for the persons with two changed rows, are the database's own distinct counts
        for (String grouping : List.of("benefit", "category", "district", "registration")) {
            String key = grouping.equals("district") ? "COALESCE(district, '')" : grouping;
            List<String> database = jdbc.query("SELECT benefit, " + key + " AS group_key, COUNT(DISTINCT person_key)"
                    + " + SUM(CASE WHEN person_key IS NULL THEN 1 ELSE 0 END) AS persons, COUNT(*) AS rows_count, SUM(before_12) AS b12,"
                    + " SUM(after_12) AS a12 FROM policy_impact_claim WHERE impact_id = ? GROUP BY benefit, " + key,
                    (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                            + rs.getBigDecimal(5) + " " + rs.getBigDecimal(6), impactId);
            List<String> chunks = impacts.breakdowns(impactId).getOrDefault(grouping, Map.of()).values().stream().flatMap(List::stream)
                    .map(b -> b.benefit() + " " + b.groupKey() + " " + b.persons() + " " + b.rows() + " " + b.before12() + " " + b.after12())
                    .toList();
            assertThat(chunks).as(grouping).containsExactlyInAnyOrderElementsOf(database);
        }

        // the retroactive draft is marked with the decisions already sealed that it would change
        JsonNode view = http.withBasicAuth("policy2", "policy2").getForObject("/api/policy/drafts/" + draft, JsonNode.class);
        assertThat(view.get("retroactive").asBoolean()).isTrue();
        assertThat(view.get("decisionsChanged").asLong()).isEqualTo(11);

        // the drill-down: the four parents of D, masked, with their amounts
        JsonNode nanshan = http.withBasicAuth("policy2", "policy2").getForObject("/api/policy/drafts/" + draft
                + "/impact/claims?category=GAIN_OVER_5&district=南山区", JsonNode.class);
        assertThat(nanshan.get("total").asLong()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        nanshan.get("rows").forEach(r -> {
            seen.add(r.get("reference").asText());
            assertThat(r.get("before").decimalValue()).isEqualByComparingTo("680.00");
            assertThat(r.get("after").decimalValue()).isEqualByComparingTo("760.00");
            assertThat(r.get("applicant").asText()).startsWith("李").doesNotContain("梅");
        });
        assertThat(seen).containsOnlyElementsOf(refs.get("D"));
        // every table as CSV, opening in Excel (UTF-8 with a byte-order mark)
        ResponseEntity<byte[]> csv = http.withBasicAuth("policy2", "policy2").getForEntity("/api/policy/drafts/" + draft
                + "/impact/csv?table=districts", byte[].class);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("SPECIAL_SUPPORT,南山区,4,2720.00,3040.00,320.00");
        String claimsCsv = new String(http.withBasicAuth("policy2", "policy2").getForObject("/api/policy/drafts/" + draft
                + "/impact/csv?table=claims", byte[].class), StandardCharsets.UTF_8);
        assertThat(claimsCsv.lines().count()).as("a header and the 22 changed rows (F's two parents twice)").isEqualTo(23);
        assertThat(http.withBasicAuth("policy2", "policy2").getForEntity("/api/policy/drafts/" + draft + "/impact/csv?table=x", JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);

        // the simulation decided nothing: no new record, and the catalogue is as it was
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM determination", Long.class)).isEqualTo(determinations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE table_code = 'SPECIAL_SUPPORT'", Long.class)).isEqualTo(3);

        // uploaded again, the draft's figures are stale: no count of changed decisions until it is simulated again
        MultiValueMapForm again2 = new MultiValueMapForm(PolicyDraftsTest.form(PolicyDraftsTest.fixture("special-support-380-libreoffice.xlsx"),
                "2014-08-01"));
        ResponseEntity<JsonNode> replaced = again2.replace(http, "policy", draft, view.get("revision").asInt());
        assertThat(replaced.getStatusCode().value()).as(String.valueOf(replaced.getBody())).isEqualTo(200);
        assertThat(replaced.getBody().has("decisionsChanged")).isFalse();
        assertThat(impact(draft).get("stale").asBoolean()).isTrue();

        // a second run, cancelled before its chunks run: it ends CANCELLED, and the draft's latest figures are gone with it
        long second = post("policy", "/api/policy/drafts/" + draft + "/impact").getBody().get("id").asLong();
        ResponseEntity<JsonNode> cancelled = post("policy", "/api/policy/drafts/" + draft + "/impact/cancel");
        assertThat(cancelled.getStatusCode().value()).as(String.valueOf(cancelled.getBody())).isEqualTo(200);
        assertThat(cancelled.getBody().get("cancelRequested").asBoolean()).isTrue();
        Jobs.runImpact(runtime, management, second);
        assertThat(impact(draft).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(post("policy", "/api/policy/drafts/" + draft + "/impact/cancel").getStatusCode().value()).isEqualTo(409);

        // a third run whose chunk fails on its last retry (as the chunk's delegate reports it): FAILED with the reason, no figure,
        // and the draft can be simulated again; the chunks left evaluate nothing
        long third = post("policy", "/api/policy/drafts/" + draft + "/impact").getBody().get("id").asLong();
        impacts.failed(third, 1, "org.springframework.dao.QueryTimeoutException: test");
        JsonNode failed = impact(draft);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/result/failure").asText()).contains("QueryTimeoutException");
        assertThat(failed.at("/result/records").isMissingNode()).isTrue();
        Jobs.runImpact(runtime, management, third);
        assertThat(impact(draft).get("status").asText()).as("the summary leaves a failed run as it is").isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_impact_claim WHERE impact_id = ?", Long.class, third)).isZero();
        assertThat(post("policy", "/api/policy/drafts/" + draft + "/impact").getStatusCode().value()).isEqualTo(202);
    }

    /** A draft upload form with its multipart headers. */
    record MultiValueMapForm(org.springframework.util.MultiValueMap<String, Object> form) {
        ResponseEntity<JsonNode> upload(TestRestTemplate http, String user) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            return http.withBasicAuth(user, user).postForEntity("/api/policy/drafts", new HttpEntity<>(form, headers), JsonNode.class);
        }

        ResponseEntity<JsonNode> replace(TestRestTemplate http, String user, long id, int revision) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            form.add("revision", Integer.toString(revision));
            return http.withBasicAuth(user, user).exchange("/api/policy/drafts/" + id, org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(form, headers), JsonNode.class);
        }
    }
}
