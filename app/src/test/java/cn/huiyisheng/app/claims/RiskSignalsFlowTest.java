package cn.huiyisheng.app.claims;

import java.util.List;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reviewer's risk signals, from the build-time rule unit on the records the application finds:
 * sealed with the determination, replayed identically, shown on the task page, never to the applicant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RiskSignalsFlowTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    ClaimMapper claims;
    @Autowired
    SealedDeterminations sealed;

    private String submit(People.Couple who, String body) {
        return new ClaimDriver(http, runtime, management, taskService).submit(who, body);
    }

    @Test
    void aBankAccountOfAnotherHouseholdAndAPersonInAnotherOpenClaimAreSignalledToTheReviewerOnly() throws Exception {
        People.Couple first = People.couple(users);
        String a = submit(first, first.smallClaim());
        // another household pays into the first household's account
        People.Couple other = People.couple(users);
        String b = submit(other, other.smallClaim().replace(other.bankAccount(), first.bankAccount()));
        // the first household's husband claims while his wife's claim is still open
        People.Couple husband = People.husbandOf(users, first);
        String c = submit(husband, husband.smallClaim("2014-02", "2014-02"));

        JsonNode signalsOfB = sealed.result(sealed.latest(claims.findByReference(b).getId()).orElseThrow()).get("signals");
        assertThat(signalsOfB).anySatisfy(s -> {
            assertThat(s.get("code").asText()).isEqualTo("BANK_ACCOUNT_OF_ANOTHER_HOUSEHOLD");
            assertThat(s.get("other").asText()).isEqualTo(a);
        });
        var recordOfC = sealed.latest(claims.findByReference(c).getId()).orElseThrow();
        assertThat(sealed.result(recordOfC).get("signals")).anySatisfy(s -> {
            assertThat(s.get("code").asText()).isEqualTo("PERSON_IN_ANOTHER_OPEN_CLAIM");
            assertThat(s.get("other").asText()).isEqualTo(a);
        }).noneSatisfy(s -> assertThat(s.get("code").asText()).isEqualTo("BANK_ACCOUNT_OF_ANOTHER_HOUSEHOLD"));
        // sealed with the records it used: replayed to the same bytes
        assertThat(recordOfC.getRecordsJson()).contains(a);
        assertThat(sealed.replay(recordOfC.getId()).identical()).isTrue();

        // the reviewer sees them on the task page, in Chinese first
        String task = taskService.createTaskQuery().processInstanceBusinessKey(b).singleResult().getId();
        String page = mvc.perform(get("/inbox/tasks/" + task).with(user("reviewer").roles("REVIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("风险提示").contains("收款账户也用于另一户家庭的申请 " + a);
        // the applicant never sees them (they name other people's claims); staff reading the claim do
        assertThat(http.withBasicAuth(other.username(), other.password()).getForObject("/api/claims/" + b, JsonNode.class)
                .get("determination").has("signals")).isFalse();
        assertThat(http.withBasicAuth("reviewer", "reviewer").getForObject("/api/claims/" + b, JsonNode.class)
                .at("/determination/signals")).isNotEmpty();
        // a plain claim has none
        assertThat(sealed.result(sealed.latest(claims.findByReference(a).getId()).orElseThrow()).get("signals")).isEmpty();
    }
    /**
     * Of the household's own claims only the open ones are records (its decided claims are its
     * history); they are marked as the household's own, by person and by bank account alike.
     */
    @Test
    void theHouseholdsDecidedClaimsAreItsHistoryAndItsOpenClaimsAreMarkedAsItsOwn() throws Exception {
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);
        People.Couple household = People.couple(users);
        String decided = submit(household, household.smallClaim("2014-01", "2014-01"));
        driver.approve("reviewer", decided);
        driver.runJobs(decided);
        assertThat(claims.findByReference(decided).getStatus()).isEqualTo(ClaimStatus.APPROVED.name());
        String open = submit(household, household.smallClaim("2014-03", "2014-03"));
        String latest = submit(household, household.smallClaim("2014-05", "2014-05"));

        JsonNode records = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sealed.latest(claims.findByReference(latest).getId()).orElseThrow().getRecordsJson());
        assertThat(records.toString()).doesNotContain(decided);
        List<String> kinds = new java.util.ArrayList<>();
        records.get("others").forEach(o -> {
            assertThat(o.get("reference").asText()).isEqualTo(open);
            assertThat(o.get("sameHousehold").asBoolean()).isTrue();
            kinds.add(o.get("kind").asText() + (o.hasNonNull("role") ? ":" + o.get("role").asText() : ""));
        });
        // the applicant, the spouse and the child are in the open claim, and so is the bank account
        assertThat(kinds).containsExactlyInAnyOrder("PERSON:APPLICANT", "PERSON:SPOUSE", "PERSON:CHILD", "BANK_ACCOUNT");
    }
}
