package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.HuiyishengApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A policy staff member takes a table version from a spreadsheet to publication: uploads a draft
 * saved by LibreOffice with a raised amount (a refused cell first), submits it, cannot approve it
 * herself; another approves it and every node, this one and a second service on the same
 * database, evaluates with it from the instant it takes effect, without a restart. In a database
 * of its own (publishing changes the catalogue every other test reads).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyDraftsTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        OwnDatabase.register(registry, "_policy", "policy-drafts");
    }

    /** Special support for a bereaved couple in 2040 (the raised amount's year: no other version is valid from then). */
    static final String BEREAVED_2040 = """
            {"asOf": "2040-02-01", "knownAt": "%s", "benefits": ["SPECIAL_SUPPORT"],
             "household": {
               "applicant": {"idNumber": "440304195803200249", "name": "李梅", "sex": "FEMALE", "birthDate": "1958-03-20",
                             "registration": {"type": "URBAN_HUKOU", "district": "福田区"}},
               "spouse": {"idNumber": "440304196005120134", "name": "王强", "sex": "MALE", "birthDate": "1960-05-12",
                          "registration": {"type": "URBAN_HUKOU"}},
               "children": [{"name": "王小明", "sex": "MALE", "birthDate": "1985-04-01", "birthOrder": 1,
                             "alive": false, "deathDate": "2005-07-15"}]}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = PolicyDraftsTest.class.getResourceAsStream("/policy/" + name)) {
            return in.readAllBytes();
        }
    }

    static MultiValueMap<String, Object> form(byte[] workbook, String validFrom) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("benefit", "SPECIAL_SUPPORT");
        if (validFrom != null) {
            form.add("validFrom", validFrom);
        }
        form.add("basisDocument", "深圳市计划生育家庭特别扶助标准调整通知（测试）");
        form.add("basisClause", "一");
        form.add("changeNote", "城镇独生子女死亡家庭每月340元调整为380元");
        form.add("figures", "SAMPLE");
        form.add("sources", "测试数据");
        if (workbook != null) {
            form.add("spreadsheet", new ByteArrayResource(workbook) {
                @Override
                public String getFilename() {
                    return "special-support.xlsx";
                }
            });
        }
        return form;
    }

    ResponseEntity<JsonNode> upload(String user, MultiValueMap<String, Object> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/api/policy/drafts", new HttpEntity<>(form, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> action(String user, long id, String action, String comment) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = comment == null ? "{}" : "{\"comment\": \"" + comment + "\"}";
        return http.withBasicAuth(user, user).postForEntity("/api/policy/drafts/" + id + "/" + action, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    static JsonNode evaluate(TestRestTemplate client, Instant knownAt) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> r = client.postForEntity("/api/evaluations", new HttpEntity<>(BEREAVED_2040.formatted(knownAt), headers),
                JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody().at("/determination/benefits/0/items/0");
    }

    List<String> problemPaths(ResponseEntity<JsonNode> r) {
        List<String> paths = new ArrayList<>();
        r.getBody().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        return paths;
    }

    @Test
    void aDraftGoesFromALibreOfficeWorkbookToPublicationByTwoPeopleAndEveryNodeUsesItWithoutARestart() throws Exception {
        // a second node on the same database, started before the publication
        ConfigurableApplicationContext node2 = new SpringApplicationBuilder(HuiyishengApplication.class)
                .profiles(environment.getActiveProfiles())
                .run("--server.port=0", "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--camunda.bpm.process-engine-name=node2", "--camunda.bpm.job-execution.enabled=false",
                        "--huiyisheng.warm-up=false", "--logging.level.root=WARN");
        try {
            TestRestTemplate second = new TestRestTemplate();
            second.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(
                    "http://127.0.0.1:" + ((WebServerApplicationContext) node2).getWebServer().getPort()));
            Instant before = Instant.now();
            assertThat(evaluate(second, before).get("amount").decimalValue()).isEqualByComparingTo("340.00");
            long trailBefore = jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE type = 'POLICY_CHANGE'", Long.class);

            // a refused cell: located, and nothing stored
            long draftsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM policy_draft", Long.class);
            ResponseEntity<JsonNode> refused = upload("policy", form(fixture("special-support-text-amount-libreoffice.xlsx"), null));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(problemPaths(refused)).contains("validFrom").anySatisfy(p -> assertThat(p).startsWith("spreadsheet:").endsWith("!H9"));
            // the refused sheet as read, for the console to draw with the refused cell marked: H9 is row 9, column H
            assertThat(refused.getBody().at("/sheet/refused").toString()).isEqualTo("[\"H9\"]");
            assertThat(refused.getBody().at("/sheet/sheet").asText()).isEqualTo("SPECIAL_SUPPORT");
            assertThat(refused.getBody().at("/sheet/rows/8/7").asText()).isEqualTo("三百八");
            assertThat(refused.getBody().at("/sheet/rows/8/6").asText()).isEqualTo("SS-2014-URBAN-DIED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_draft", Long.class)).isEqualTo(draftsBefore);

            // the LibreOffice-saved workbook with the raised amount
            ResponseEntity<JsonNode> created = upload("policy", form(fixture("special-support-380-libreoffice.xlsx"), "2040-01-01"));
            assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
            JsonNode draft = created.getBody();
            long id = draft.get("id").asLong();
            assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
            assertThat(draft.get("rows").asInt()).isEqualTo(4);
            assertThat(draft.get("retroactive").asBoolean()).isFalse();
            assertThat(draft.get("replaces").asText()).startsWith("SPECIAL_SUPPORT-v");
            assertThat(draft.get("verification")).isNotNull();
            assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/policy/drafts/" + id);
            assertThat(http.withBasicAuth("reviewer", "reviewer").getForEntity("/api/policy/drafts/" + id, JsonNode.class)
                    .getStatusCode().value()).isEqualTo(403);

            // what it changes: exactly the raised cell, in the column's words, and the DRL's changed lines
            JsonNode diff = http.withBasicAuth("policy2", "policy2").getForObject("/api/policy/drafts/" + id + "/diff", JsonNode.class);
            assertThat(diff.get("against").asText()).isEqualTo(draft.get("replaces").asText());
            assertThat(diff.at("/rows/added")).isEmpty();
            assertThat(diff.at("/rows/removed")).isEmpty();
            assertThat(diff.at("/rows/unchanged").asInt()).isEqualTo(3);
            assertThat(diff.at("/rows/changed")).hasSize(1);
            assertThat(diff.at("/rows/changed/0/zh").asText()).isEqualTo("SS-2014-URBAN-DIED: 每月金额（元） 340.00 → 380.00");
            // by effect: only the region of that row changes, told in the columns' words; the rural regions stay
            assertThat(diff.at("/effect/changed")).singleElement().satisfies(r -> assertThat(r.get("zh").asText())
                    .isEqualTo("独生子女状况：死亡、户籍类型：城镇户籍: 每月金额（元） 340.00 → 380.00"));
            assertThat(diff.at("/effect/unchanged")).anySatisfy(r -> assertThat(r.get("zh").asText()).contains("农村").endsWith("（不变）"));
            List<String> drl = new ArrayList<>();
            diff.get("drl").forEach(l -> drl.add(l.asText()));
            assertThat(drl).anySatisfy(l -> assertThat(l).startsWith("-").contains("340"))
                    .anySatisfy(l -> assertThat(l).startsWith("+").contains("380"));

            // no submission without cases around validFrom, nor with a failing one
            ResponseEntity<JsonNode> uncovered = action("policy", id, "submit", null);
            assertThat(uncovered.getStatusCode().value()).isEqualTo(409);
            assertThat(uncovered.getBody().get("code").asText()).isEqualTo("CHECKS_FAILING");
            JsonNode checks = http.withBasicAuth("policy", "policy").getForObject("/api/policy/drafts/" + id + "/checks", JsonNode.class);
            assertThat(checks.get("missing").toString()).isEqualTo("[\"2039-12-31\",\"2040-01-01\"]");
            assertThat(checks.get("shipped")).isNotEmpty().allSatisfy(o -> assertThat(o.get("passed").asBoolean()).as(o.toString()).isTrue());
            assertThat(setCases("policy", id, cases("2039-12-31", "340.00", "2040-01-01", "999.00")).getStatusCode().value()).isEqualTo(200);
            checks = http.withBasicAuth("policy", "policy").getForObject("/api/policy/drafts/" + id + "/checks", JsonNode.class);
            assertThat(checks.get("passed").asBoolean()).isFalse();
            assertThat(checks.at("/own/1/mismatches/0/expected").asText()).isEqualTo("999.00");
            assertThat(checks.at("/own/1/mismatches/0/actual").asText()).isEqualTo("380.00");
            assertThat(action("policy", id, "submit", null).getStatusCode().value()).isEqualTo(409);
            ResponseEntity<JsonNode> badYaml = setCases("policy", id, "table: SPECIAL_SUPPORT\ncasez: []\n");
            assertThat(badYaml.getStatusCode().value()).isEqualTo(400);
            assertThat(problemPaths(badYaml)).containsExactly("cases.casez");
            assertThat(setCases("policy", id, cases("2039-12-31", "340.00", "2040-01-01", "380.00")).getStatusCode().value()).isEqualTo(200);
            checks = http.withBasicAuth("policy", "policy").getForObject("/api/policy/drafts/" + id + "/checks", JsonNode.class);
            assertThat(checks.get("passed").asBoolean()).as(checks.toString()).isTrue();

            // its author can neither approve it nor, once submitted, decide it
            assertThat(action("policy", id, "approve", null).getStatusCode().value()).isEqualTo(403);
            assertThat(action("policy", id, "submit", null).getBody().get("status").asText()).isEqualTo("IN_REVIEW");
            ResponseEntity<JsonNode> own = action("policy", id, "approve", null);
            assertThat(own.getStatusCode().value()).isEqualTo(403);
            assertThat(own.getBody().get("code").asText()).isEqualTo("OWN_DRAFT");

            // a second policy staff member approves: the next version, known a moment later
            ResponseEntity<JsonNode> approved = action("policy2", id, "approve", "已核对");
            assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
            JsonNode published = approved.getBody();
            assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(published.get("reviewer").asText()).isEqualTo("policy2");
            int version = published.get("publishedVersion").asInt();
            Instant knownFrom = Instant.parse(published.get("knownFrom").asText());
            assertThat(knownFrom).isAfter(before);
            JsonNode versions = http.getForObject("/api/benefits/SPECIAL_SUPPORT/versions", JsonNode.class);
            JsonNode v = versions.get(versions.size() - 1);
            assertThat(v.get("version").asInt()).isEqualTo(version);
            assertThat(v.get("author").asText()).isEqualTo("policy");
            assertThat(v.get("approver").asText()).isEqualTo("policy2");

            // both nodes: the old amount as known before, the new one from knownFrom on
            for (TestRestTemplate node : List.of(http, second)) {
                assertThat(evaluate(node, knownFrom.minusMillis(1)).get("amount").decimalValue()).isEqualByComparingTo("340.00");
                JsonNode item = evaluate(node, knownFrom);
                assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("380.00");
                assertThat(item.at("/version/id").asText()).isEqualTo("SPECIAL_SUPPORT-v" + version);
            }
            // and as known now, once it has taken effect, with no knownAt given
            while (Instant.now().isBefore(knownFrom.plusMillis(50))) {
                Thread.sleep(100);
            }
            assertThat(evaluateNow(second).get("amount").decimalValue()).isEqualByComparingTo("380.00");

            // exported in the policy-tables/ layout: the loader reads it back as the same version, with its cases
            ResponseEntity<byte[]> zip = http.getForEntity("/api/benefits/SPECIAL_SUPPORT/versions/" + version + "/export", byte[].class);
            assertThat(zip.getStatusCode().value()).isEqualTo(200);
            Map<String, byte[]> entries = new java.util.HashMap<>();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.getBody()))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            String folder = "policy-tables/special-support/2040-01-01/";
            assertThat(entries).containsOnlyKeys(folder + "version.yaml", folder + "table.drl.xlsx", folder + "cases.yaml");
            cn.huiyisheng.rules.catalog.PolicyTable exported = cn.huiyisheng.rules.catalog.PolicyTableDirectory.read(
                    cn.huiyisheng.rules.facts.TableCode.SPECIAL_SUPPORT, folder, entries.get(folder + "version.yaml"),
                    entries.get(folder + "table.drl.xlsx"));
            assertThat(exported.version()).isEqualTo(version);
            assertThat(exported.sha256()).isEqualTo(v.get("sha256").asText());
            assertThat(exported.publishedAt()).isEqualTo(knownFrom.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(exported.basis().clause()).isEqualTo("一");
            assertThat(new String(entries.get(folder + "cases.yaml"), java.nio.charset.StandardCharsets.UTF_8)).contains("2040-01-01");

            // the version's cases are part of its record in the database, beside every table's shipped ones, and the next
            // draft of the table runs them too, named by their version
            assertThat(jdbc.queryForObject("SELECT cases_yaml FROM policy_case_file WHERE table_code = 'SPECIAL_SUPPORT'"
                    + " AND source = 'VERSION' AND version_no = ?", String.class, version)).contains("2040-01-01");
            assertThat(jdbc.queryForList("SELECT table_code FROM policy_case_file WHERE source = 'SHIPPED'", String.class))
                    .contains("SPECIAL_SUPPORT", "ONE_CHILD_HEALTH_FEE", "REWARD_SUPPORT").doesNotHaveDuplicates();
            ResponseEntity<JsonNode> next = upload("policy", form(fixture("special-support-380-libreoffice.xlsx"), "2041-01-01"));
            assertThat(next.getStatusCode().value()).as(String.valueOf(next.getBody())).isEqualTo(201);
            JsonNode nextChecks = http.withBasicAuth("policy", "policy").getForObject("/api/policy/drafts/" + next.getBody().get("id").asLong()
                    + "/checks", JsonNode.class);
            List<String> names = new java.util.ArrayList<>();
            nextChecks.get("shipped").forEach(o -> names.add(o.get("name").asText()));
            assertThat(names).anySatisfy(n -> assertThat(n).startsWith("SPECIAL_SUPPORT-v" + version + ": "));

            // the database refuses an author deciding their own draft or approving their own version
            assertThatThrownBy(() -> jdbc.update("UPDATE policy_draft SET reviewer = author WHERE id = ?", id))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.update("UPDATE policy_version SET approver = author WHERE table_code = 'SPECIAL_SUPPORT'"
                    + " AND version_no = ?", version)).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

            // every step in the security trail, with its actor
            List<Map<String, Object>> trail = jdbc.queryForList("SELECT actor, outcome, detail FROM security_event"
                    + " WHERE type = 'POLICY_CHANGE' ORDER BY id");
            assertThat(trail.size()).isGreaterThanOrEqualTo((int) trailBefore + 3);
            List<Map<String, Object>> mine = trail.subList((int) trailBefore, trail.size());
            assertThat(mine).anySatisfy(e -> assertThat(e.get("detail").toString()).startsWith("DRAFT_UPLOADED"));
            assertThat(mine).anySatisfy(e -> assertThat(e.get("detail").toString()).isEqualTo("DRAFT_SUBMITTED"));
            assertThat(mine).anySatisfy(e -> {
                assertThat(e.get("actor")).isEqualTo("policy2");
                assertThat(e.get("detail").toString()).startsWith("DRAFT_APPROVED published as SPECIAL_SUPPORT-v" + version);
            });
        } finally {
            node2.close();
        }
    }

    /** The draft's own cases: the bereaved mother on the day before validFrom and on it. */
    static String cases(String before, String amountBefore, String on, String amountOn) {
        return cn.huiyisheng.app.fixtures.PolicyLifecycle.specialSupportCases(before, amountBefore, on, amountOn);
    }

    ResponseEntity<JsonNode> setCases(String user, long id, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.withBasicAuth(user, user).exchange("/api/policy/drafts/" + id + "/cases", HttpMethod.PUT,
                new HttpEntity<>(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    static JsonNode evaluateNow(TestRestTemplate client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = BEREAVED_2040.replace("\"knownAt\": \"%s\", ", "");
        return client.postForEntity("/api/evaluations", new HttpEntity<>(body, headers), JsonNode.class).getBody()
                .at("/determination/benefits/0/items/0");
    }

    @Test
    void aVersionNotYetInForceIsWithdrawnByTwoPeopleAndOneInForceNever() throws Exception {
        long id = upload("policy", form(fixture("special-support-380-libreoffice.xlsx"), "2042-01-01")).getBody().get("id").asLong();
        assertThat(setCases("policy", id, cases("2041-12-31", null, "2042-01-01", "380.00")).getStatusCode().value()).isEqualTo(200);
        action("policy", id, "submit", null);
        JsonNode published = action("policy2", id, "approve", null).getBody();
        int version = published.get("publishedVersion").asInt();
        Instant knownFrom = Instant.parse(published.get("knownFrom").asText());
        while (Instant.now().isBefore(knownFrom.plusMillis(50))) {
            Thread.sleep(100);
        }
        String asOf2042 = BEREAVED_2040.replace("2040-02-01", "2042-02-01");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> inForce = http.withBasicAuth("policy", "policy").postForEntity("/api/policy/withdrawals",
                new HttpEntity<>("{\"benefit\": \"SPECIAL_SUPPORT\", \"version\": 3, \"reason\": \"试\"}", json), JsonNode.class);
        assertThat(inForce.getStatusCode().value()).isEqualTo(409);
        assertThat(inForce.getBody().get("code").asText()).isEqualTo("NOT_AHEAD");
        ResponseEntity<JsonNode> noReason = http.withBasicAuth("policy", "policy").postForEntity("/api/policy/withdrawals",
                new HttpEntity<>("{\"benefit\": \"SPECIAL_SUPPORT\", \"version\": " + version + "}", json), JsonNode.class);
        assertThat(problemPaths(noReason)).containsExactly("$.reason");

        ResponseEntity<JsonNode> requested = http.withBasicAuth("policy", "policy").postForEntity("/api/policy/withdrawals",
                new HttpEntity<>("{\"benefit\": \"SPECIAL_SUPPORT\", \"version\": " + version + ", \"reason\": \"依据文件未印发\"}", json),
                JsonNode.class);
        assertThat(requested.getStatusCode().value()).isEqualTo(201);
        long w = requested.getBody().get("id").asLong();
        assertThat(http.withBasicAuth("policy", "policy").postForEntity("/api/policy/withdrawals",
                new HttpEntity<>("{\"benefit\": \"SPECIAL_SUPPORT\", \"version\": " + version + ", \"reason\": \"再次\"}", json),
                JsonNode.class).getBody().get("code").asText()).isEqualTo("WITHDRAWAL_PENDING");
        ResponseEntity<JsonNode> own = http.withBasicAuth("policy", "policy").postForEntity("/api/policy/withdrawals/" + w + "/approve",
                new HttpEntity<>("{}", json), JsonNode.class);
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        Instant beforeApproval = Instant.now();
        ResponseEntity<JsonNode> approved = http.withBasicAuth("policy2", "policy2").postForEntity("/api/policy/withdrawals/" + w
                + "/approve", new HttpEntity<>("{\"comment\": \"同意\"}", json), JsonNode.class);
        assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
        assertThat(approved.getBody().get("status").asText()).isEqualTo("APPROVED");

        // as known after the withdrawal takes effect, 2042 is decided by an earlier version; as known before, by the withdrawn one
        Instant after = beforeApproval.plus(PolicyCatalog.PUBLICATION_DELAY).plusSeconds(1);
        while (Instant.now().isBefore(after)) {
            Thread.sleep(100);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode then = http.postForEntity("/api/evaluations", new HttpEntity<>(asOf2042.formatted(knownFrom), headers), JsonNode.class)
                .getBody().at("/determination/benefits/0/items/0");
        assertThat(then.at("/version/id").asText()).isEqualTo("SPECIAL_SUPPORT-v" + version);
        JsonNode now = http.postForEntity("/api/evaluations", new HttpEntity<>(asOf2042.formatted(after), headers), JsonNode.class)
                .getBody().at("/determination/benefits/0/items/0");
        assertThat(now.at("/version/id").asText()).isNotEqualTo("SPECIAL_SUPPORT-v" + version);
        JsonNode versions = http.getForObject("/api/benefits/SPECIAL_SUPPORT/versions", JsonNode.class);
        assertThat(versions).anySatisfy(v -> {
            assertThat(v.get("version").asInt()).isEqualTo(version);
            assertThat(v.get("status").asText()).isEqualTo("WITHDRAWN");
        });
        assertThatThrownBy(() -> jdbc.update("UPDATE policy_withdrawal SET decided_by = requested_by WHERE id = ?", w))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aReturnedDraftGoesBackToItsAuthorAloneWhoUploadsAgainAtTheRevisionSheSaw() throws Exception {
        long id = upload("policy", form(fixture("special-support-380-libreoffice.xlsx"), "2041-01-01")).getBody().get("id").asLong();
        assertThat(setCases("policy", id, cases("2040-12-31", null, "2041-01-01", "380.00")).getStatusCode().value()).isEqualTo(200);
        assertThat(action("policy", id, "submit", null).getBody().get("status").asText()).isEqualTo("IN_REVIEW");
        ResponseEntity<JsonNode> noComment = action("policy2", id, "return", null);
        assertThat(noComment.getStatusCode().value()).isEqualTo(400);
        assertThat(problemPaths(noComment)).containsExactly("comment");
        ResponseEntity<JsonNode> returned = action("policy2", id, "return", "请注明出处");
        assertThat(returned.getBody().get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.getBody().get("reviewComment").asText()).isEqualTo("请注明出处");

        MultiValueMap<String, Object> again = form(fixture("special-support-380-libreoffice.xlsx"), "2041-02-01");
        again.add("revision", "1");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> byOther = http.withBasicAuth("policy2", "policy2").exchange("/api/policy/drafts/" + id, HttpMethod.PUT,
                new HttpEntity<>(again, headers), JsonNode.class);
        assertThat(byOther.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> replaced = http.withBasicAuth("policy", "policy").exchange("/api/policy/drafts/" + id, HttpMethod.PUT,
                new HttpEntity<>(again, headers), JsonNode.class);
        assertThat(replaced.getStatusCode().value()).as(String.valueOf(replaced.getBody())).isEqualTo(200);
        assertThat(replaced.getBody().get("status").asText()).isEqualTo("DRAFT");
        assertThat(replaced.getBody().get("revision").asInt()).isEqualTo(2);
        assertThat(replaced.getBody().get("validFrom").asText()).isEqualTo("2041-02-01");
        // an upload from the revision before is not a silent overwrite
        ResponseEntity<JsonNode> stale = http.withBasicAuth("policy", "policy").exchange("/api/policy/drafts/" + id, HttpMethod.PUT,
                new HttpEntity<>(again, headers), JsonNode.class);
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getBody().get("code").asText()).isEqualTo("STALE_REVISION");
        // the workbook downloads as uploaded
        ResponseEntity<byte[]> file = http.withBasicAuth("policy", "policy").getForEntity("/api/policy/drafts/" + id + "/spreadsheet",
                byte[].class);
        assertThat(file.getBody()).isEqualTo(fixture("special-support-380-libreoffice.xlsx"));
    }
}
