package cn.huiyisheng.app.identity;

import cn.huiyisheng.app.fixtures.People;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new applicant registers as a verified person, and claims only as that person. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;

    private ResponseEntity<JsonNode> post(TestRestTemplate client, String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return client.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aNewApplicantRegistersOncePerPersonAndClaimsAsThemselves() {
        People.Couple couple = People.unregistered();
        ResponseEntity<JsonNode> registered = post(http, "/api/accounts", couple.registration(), null);
        assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
        assertThat(registered.getBody().get("name").asText()).isEqualTo("李*");
        assertThat(registered.getBody().get("idNumber").asText()).doesNotContain(couple.applicantId().substring(3, 17));
        assertThat(users.find(couple.username()).getPersonKey()).hasSize(64).isNotEqualTo(couple.applicantId());

        // the same username, and the same person under another username: refused
        assertThat(post(http, "/api/accounts", couple.registration(), null).getBody().at("/problems/0/code").asText())
                .isEqualTo("USERNAME_TAKEN");
        ResponseEntity<JsonNode> again = post(http, "/api/accounts", couple.registration().replace(couple.username(), couple.username() + "x"), null);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().at("/problems/0/code").asText()).isEqualTo("PERSON_HAS_ACCOUNT");

        TestRestTemplate me = http.withBasicAuth(couple.username(), couple.password());
        assertThat(post(me, "/api/claims", couple.smallClaim(), "reg-" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(201);

        // a claim whose applicant is someone else (here the husband) is refused, at the applicant's ID number
        People.Couple other = couple.claimedByHusband(couple.username());
        ResponseEntity<JsonNode> notMe = post(me, "/api/claims", other.smallClaim(), "reg-" + UUID.randomUUID());
        assertThat(notMe.getStatusCode().value()).isEqualTo(400);
        assertThat(notMe.getBody().get("problems")).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("$.household.applicant.idNumber");
            assertThat(p.get("code").asText()).isEqualTo("APPLICANT_NOT_ACCOUNT_HOLDER");
        });
        // the same person under another name: refused at the name
        ResponseEntity<JsonNode> renamed = post(me, "/api/claims", couple.smallClaim().replaceFirst("李梅", "李美"), "reg-" + UUID.randomUUID());
        assertThat(renamed.getBody().at("/problems/0/path").asText()).isEqualTo("$.household.applicant.name");
    }

    @Test
    void aRegistrationWithProblemsNamesEachFieldAndCreatesNothing() {
        ResponseEntity<JsonNode> r = post(http, "/api/accounts", """
                {"username": "X", "name": "", "idNumber": "440304195803200248", "phone": "12", "password": "short"}""", null);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("problems")).extracting(p -> p.get("path").asText())
                .containsExactlyInAnyOrder("$.username", "$.name", "$.idNumber", "$.phone", "$.password");
        assertThat(users.find("X")).isNull();
    }
}
