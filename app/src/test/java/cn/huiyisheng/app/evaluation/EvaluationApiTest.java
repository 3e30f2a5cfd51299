package cn.huiyisheng.app.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/evaluations over HTTP, as a client would call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "huiyisheng.warm-up=false")
class EvaluationApiTest {

    static final String BEREAVED = """
            {"asOf": "2014-06-01", "period": {"from": "2011-06", "to": "2014-03"}, "benefits": ["SPECIAL_SUPPORT", "HARDSHIP_FAMILY_SUPPORT"],
             "household": {
               "applicant": {"idNumber": "440304195803200249", "name": "李梅", "sex": "FEMALE", "birthDate": "1958-03-20",
                             "registration": {"type": "URBAN_HUKOU", "district": "福田区"}},
               "spouse": {"idNumber": "440304196005120134", "name": "王强", "sex": "MALE", "birthDate": "1960-05-12",
                          "registration": {"type": "URBAN_HUKOU"}},
               "children": [{"name": "王小明", "sex": "MALE", "birthDate": "1985-04-01", "birthOrder": 1,
                             "alive": false, "deathDate": "2005-07-15"}],
               "hardship": {"minimumLivingAllowance": true}}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/evaluations", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void specialSupportFor2011To2014ComesAsThreeSegmentsWithTheirVersions() {
        ResponseEntity<JsonNode> response = post(BEREAVED);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode special = response.getBody().at("/period/benefits/0");
        assertThat(special.get("benefit").asText()).isEqualTo("SPECIAL_SUPPORT");
        JsonNode segments = special.at("/subjects/0/segments");
        assertThat(segments).hasSize(3);
        assertThat(segments.get(0).get("from").asText()).isEqualTo("2011-06");
        assertThat(segments.get(0).get("to").asText()).isEqualTo("2011-12");
        assertThat(segments.get(0).get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(segments.get(0).at("/version/id").asText()).isEqualTo("SPECIAL_SUPPORT-v1");
        assertThat(segments.get(1).get("amount").decimalValue()).isEqualByComparingTo("135.00");
        assertThat(segments.get(1).at("/version/id").asText()).isEqualTo("SPECIAL_SUPPORT-v2");
        assertThat(segments.get(2).get("amount").decimalValue()).isEqualByComparingTo("340.00");
        assertThat(segments.get(2).at("/version/id").asText()).isEqualTo("SPECIAL_SUPPORT-v3");
        assertThat(segments.get(2).at("/version/sha256").asText()).hasSize(64);
        assertThat(segments.get(2).at("/rows/0/rowId").asText()).isEqualTo("SS-2014-URBAN-DIED");
        // 7 × 100 + 24 × 135 + 3 × 340 per parent, two parents
        assertThat(special.get("total").decimalValue()).isEqualByComparingTo("9920.00");
    }

    @Test
    void theDeterminationExplainsItselfInBothLanguages() {
        JsonNode d = post(BEREAVED).getBody().get("determination");
        assertThat(d.get("asOf").asText()).isEqualTo("2014-06-01");
        JsonNode item = d.at("/benefits/0/items/0");
        assertThat(item.get("eligible").asBoolean()).isTrue();
        assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("340.00");
        assertThat(item.get("payer").asText()).isEqualTo("NATIONAL_SCHEME");
        assertThat(item.get("reasons")).anySatisfy(r -> {
            assertThat(r.get("zh").asText()).contains("女方周岁");
            assertThat(r.get("en").asText()).contains("mother's age");
            assertThat(r.get("met").asBoolean()).isTrue();
        });
        assertThat(d.at("/benefits/1/amount").decimalValue()).isEqualByComparingTo("6000.00");
    }

    @Test
    void aMalformedHouseholdGets400WithEveryProblemByPath() {
        ResponseEntity<JsonNode> response = post("""
                {"asOf": "2014-13-01", "benefits": ["FREE_LUNCH"],
                 "household": {"applicant": {"idNumber": "440304195803200248", "name": "李梅", "sex": "FEMAL",
                                             "birthDate": "1958-03-20", "hobby": "x"},
                               "children": [{"birthDate": "1950-01-01", "alive": false}]}}""");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        response.getBody().get("problems").forEach(p -> paths.add(p.get("path").asText() + " " + p.get("code").asText()));
        assertThat(paths).containsExactlyInAnyOrder(
                "$.asOf INVALID_VALUE",
                "$.benefits[0] UNKNOWN_BENEFIT",
                "$.household.applicant.idNumber ID_NUMBER_INVALID",
                "$.household.applicant.sex INVALID_VALUE",
                "$.household.applicant.hobby UNKNOWN_FIELD",
                "$.household.children[0].birthDate CHILD_BORN_BEFORE_PARENT",
                "$.household.children[0].deathDate REQUIRED");
        assertThat(response.getBody().get("problems")).anySatisfy(p -> {
            assertThat(p.get("message").asText()).isEqualTo("'FEMAL' is not one of MALE (男), FEMALE (女)");
        });
    }

    @Test
    void garbageNeverGetsA500() {
        for (String body : List.of("", "null", "[]", "42", "{", "{\"household\": 7}", "{\"household\": {\"applicant\": []}}",
                "{\"household\": {\"children\": [null]}}", "{\"period\": {\"from\": \"2014-05\", \"to\": \"2011-01\"}}",
                "{\"household\": {\"applicant\": {\"birthDate\": 20000101}}}")) {
            ResponseEntity<JsonNode> response = post(body);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(response.getBody().get("problems")).as(body).isNotEmpty();
        }
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsNamed() {
        ResponseEntity<JsonNode> response = post(BEREAVED.replace("\"to\": \"2014-03\"", "\"to\": \"2010-03\""));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/problems/0/path").asText()).isEqualTo("$.period.to");
        assertThat(response.getBody().at("/problems/0/code").asText()).isEqualTo("BEFORE_START");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheEndpointsAndTheHousehold() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/paths").has("/api/evaluations")).isTrue();
        assertThat(api.at("/paths").has("/api/benefits")).isTrue();
        assertThat(api.at("/paths").has("/api/benefits/{code}/versions")).isTrue();
        assertThat(api.at("/components/schemas/Household/properties").has("certificate")).isTrue();
        assertThat(api.at("/components/schemas/Person/properties/sex/enum").toString()).contains("FEMALE");
        assertThat(api.at("/components/schemas/ReasonDoc/properties").has("zh")).isTrue();
    }

    @Test
    void everyEndpointThatTakesABodyDocumentsItsTypeAndAnExample() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.List<String> checked = new java.util.ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode body = op.getValue().get("requestBody");
            if (body == null) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            checked.add(where);
            body.get("content").fields().forEachRemaining(type -> {
                JsonNode schema = type.getValue().get("schema");
                boolean typed = schema != null && (schema.has("$ref") || schema.has("type"));
                // a file (a workbook) has no example to show, its schema says what it is
                boolean file = schema != null && "binary".equals(schema.path("format").asText()) && schema.has("description");
                boolean example = file || type.getValue().has("examples") || type.getValue().has("example");
                if (!typed || !example) {
                    missing.add(where + " " + type.getKey() + (typed ? "" : " (no schema)") + (example ? "" : " (no example)"));
                }
            });
        }));
        assertThat(checked).contains("POST /api/claims", "POST /api/tasks/{id}/complete", "POST /api/accounts",
                "POST /api/claims/{reference}/appeal", "POST /api/claims/{reference}/information", "POST /api/evaluations",
                "POST /api/payment-runs/{id}/return-file");
        assertThat(missing).isEmpty();
        // the claim's own type, with its members described
        assertThat(api.at("/paths/~1api~1claims/post/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("/ClaimSubmission");
        assertThat(api.at("/components/schemas/ClaimSubmission/properties/bankAccount/description").asText()).contains("masked");
        assertThat(api.at("/components/schemas/ClaimSubmission/required").toString()).contains("household").contains("bankAccount");
    }
}
