package cn.huiyisheng.app.policy;

import cn.huiyisheng.rules.compile.TableCompiler;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "huiyisheng.warm-up=false")
class BenefitsApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theCatalogueListsEveryBenefitWithItsVersions() {
        JsonNode benefits = http.getForObject("/api/benefits", JsonNode.class);
        assertThat(benefits).hasSize(13);
        JsonNode special = benefits.get(2);
        assertThat(special.get("code").asText()).isEqualTo("SPECIAL_SUPPORT");
        assertThat(special.get("zh").asText()).isEqualTo("计划生育家庭特别扶助");
        assertThat(special.get("versionInForceToday").asInt()).isEqualTo(3);
        assertThat(special.get("versions")).hasSize(3);
        JsonNode v1 = special.at("/versions/0");
        assertThat(v1.get("validFrom").asText()).isEqualTo("2008-01-01");
        assertThat(v1.get("validUntil").asText()).isEqualTo("2011-12-31");
        assertThat(v1.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(v1.at("/basis/document").asText()).contains("国人口发");
        assertThat(special.at("/versions/2").has("validUntil")).isFalse();
    }

    @Test
    void aVersionsSpreadsheetDownloadsWithTheBytesItsSha256Names() {
        JsonNode v3 = http.getForObject("/api/benefits/SPECIAL_SUPPORT/versions", JsonNode.class).get(2);
        ResponseEntity<byte[]> file = http.getForEntity("/api/benefits/SPECIAL_SUPPORT/versions/3/spreadsheet", byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("special-support-v3.drl.xlsx");
        assertThat(TableCompiler.sha256(file.getBody())).isEqualTo(v3.get("sha256").asText());
    }

    @Test
    void theDrlOfAVersionReadsAsRules() {
        String drl = http.getForObject("/api/benefits/REWARD_SUPPORT/versions/2/drl", String.class);
        assertThat(drl).contains("rule \"REWARD_SUPPORT_9\"").contains("age >= 60").contains("new BigDecimal(\"720.00\")");
    }

    @Test
    void theVerificationOfAShippedVersionShowsOnlyItsExplainedGaps() {
        JsonNode report = http.getForObject("/api/benefits/SPECIAL_SUPPORT/versions/3/verification", JsonNode.class);
        assertThat(report.get("gaps")).isEmpty();
        assertThat(report.get("overlaps")).isEmpty();
        assertThat(report.get("explainedGaps").get(0).asText()).isEqualTo("onlyChildStatus=DISABLED; disabilityGrade>=4");
    }

    @Test
    void aDraftWithCodeInADataCellIsRefusedWithTheCellNamed() throws Exception {
        byte[] shipped = http.getForObject("/api/benefits/SPECIAL_SUPPORT/versions/3/spreadsheet", byte[].class);
        byte[] evil;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(8).getCell(7).setCellValue("0\"); java.lang.Runtime.getRuntime().halt(1); //");
            wb.write(out);
            evil = out.toByteArray();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<JsonNode> anonymous = http.postForEntity("/api/benefits/SPECIAL_SUPPORT/drafts/check",
                new HttpEntity<>(evil, headers), JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        TestRestTemplate policy = http.withBasicAuth("policy", "policy");
        ResponseEntity<JsonNode> refused = policy.postForEntity("/api/benefits/SPECIAL_SUPPORT/drafts/check",
                new HttpEntity<>(evil, headers), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().at("/problems/0/path").asText()).isEqualTo("SPECIAL_SUPPORT!H9");
        assertThat(refused.getBody().at("/problems/0/message").asText()).contains("expected an amount in yuan");

        ResponseEntity<JsonNode> accepted = policy.postForEntity("/api/benefits/SPECIAL_SUPPORT/drafts/check",
                new HttpEntity<>(shipped, headers), JsonNode.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("rows").asInt()).isEqualTo(4);
    }

    @Test
    void unknownBenefitsAndVersionsAre404s() {
        assertThat(http.getForEntity("/api/benefits/NOPE/versions", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/api/benefits/SPECIAL_SUPPORT/versions/99/drl", String.class).getStatusCode().value()).isEqualTo(404);
    }
}
