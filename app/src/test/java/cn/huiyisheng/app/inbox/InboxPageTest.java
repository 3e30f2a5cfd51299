package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reviewers' inbox pages: list, the claim explained, a decision, in Chinese first and English on request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class InboxPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ClaimMapper claims;
    @Autowired
    cn.huiyisheng.app.identity.Users users;

    private String submit() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "inbox-" + UUID.randomUUID());
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        JsonNode c = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                new HttpEntity<>(couple.smallClaim(), headers), JsonNode.class).getBody();
        String reference = c.get("reference").asText();
        Jobs.runDueOfClaim(runtime, management, reference);
        return reference;
    }

    @Test
    void aReviewerSeesTheClaimExplainedAndDecidesFromTheInbox() throws Exception {
        String reference = submit();
        String list = mvc.perform(get("/inbox").param("q", reference).with(user("reviewer").roles("REVIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("待办任务").contains(reference);
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

        String page = mvc.perform(get("/inbox/tasks/" + taskId).with(user("reviewer").roles("REVIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).contains("计划生育家庭特别扶助").contains("女方周岁").contains("SS-2014-URBAN-DIED")
                .contains("340.00").contains("批准").contains("不予批准").contains("要求补充材料");
        String english = mvc.perform(get("/inbox/tasks/" + taskId).param("lang", "en").with(user("reviewer").roles("REVIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Automatic determination").contains("Request information");
        // the timeline in words, in the page's language, from the events' values (never the English record on a zh page)
        assertThat(page).contains("符合条件，总金额¥680.00").contains("计划生育家庭特别扶助，2014-01至2014-01")
                .doesNotContain("determination sealed");
        assertThat(english).contains("eligible, total ¥680.00").contains("Special support, 2014-01 to 2014-01");
        assertThat(page).as("680 yuan needs no second approval").doesNotContain("需要复核");

        mvc.perform(post("/inbox/tasks/" + taskId + "/decide").param("decision", "REFUSE").with(csrf())
                        .with(user("reviewer").roles("REVIEWER")))
                .andExpect(redirectedUrl("/inbox/tasks/" + taskId));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("a refusal without reason is refused").isOne();

        mvc.perform(post("/inbox/tasks/" + taskId + "/decide").param("decision", "APPROVE").with(csrf())
                        .with(user("reviewer").roles("REVIEWER")))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(claims.findByReference(reference).getReviewer()).isEqualTo("reviewer");
    }

    @Test
    void aReviewPastItsTenWorkingDaysIsFlaggedOverdue() {
        String reference = submit();
        java.util.function.Supplier<JsonNode> row = () -> java.util.stream.StreamSupport.stream(
                http.withBasicAuth("reviewer", "reviewer").getForObject("/api/tasks?q=" + reference, JsonNode.class).spliterator(), false)
                .filter(t -> reference.equals(t.path("claimReference").asText())).findFirst().orElseThrow();
        assertThat(row.get().get("due").asText()).isNotBlank();
        assertThat(row.get().get("overdue").asBoolean()).isFalse();
        try {
            // three weeks later (15 working days): past the SLA
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(21))));
            assertThat(row.get().get("overdue").asBoolean()).isTrue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void theTaskPageSaysWhyASecondApprovalWillBeNeeded() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "inbox-" + UUID.randomUUID());
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        String reference = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                new HttpEntity<>(couple.claim(), headers), JsonNode.class).getBody().get("reference").asText();
        Jobs.runDueOfClaim(runtime, management, reference);
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        String page = mvc.perform(get("/inbox/tasks/" + taskId).with(user("reviewer").roles("REVIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("需要复核：总金额超过¥5,000.00");
    }

    @Test
    void theInboxIsForStaffOnly() throws Exception {
        mvc.perform(get("/inbox").with(user("applicant").roles("APPLICANT"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox/payments").with(user("reviewer").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox/payments").with(user("payment").roles("PAYMENT_OFFICER"))).andExpect(status().isOk());
        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection());
    }

    @Test
    void cockpitIsReachableForOperations() {
        assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRefusalIsSaidInThePagesLanguageNeverAsTheEnglishRecord() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "inbox-" + UUID.randomUUID());
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        String reference = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                new HttpEntity<>(couple.claim(), headers), JsonNode.class).getBody().get("reference").asText();
        Jobs.runDueOfClaim(runtime, management, reference);
        String review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        assertThat(http.withBasicAuth("supervisor", "supervisor").postForEntity("/api/tasks/" + review + "/complete",
                new HttpEntity<>("{\"decision\": \"APPROVE\"}", headers), Void.class).getStatusCode().value()).isEqualTo(204);
        Jobs.runDueOfClaim(runtime, management, reference);
        String second = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        for (String lang : new String[]{"zh_CN", "en"}) {
            Object error = mvc.perform(post("/inbox/tasks/" + second + "/decide").param("decision", "APPROVE").param("lang", lang)
                            .with(csrf()).with(user("supervisor").roles("SUPERVISOR", "REVIEWER")))
                    .andExpect(redirectedUrl("/inbox/tasks/" + second)).andReturn().getFlashMap().get("error");
            assertThat(String.valueOf(error)).isEqualTo(lang.equals("en")
                    ? "You reviewed this claim: its second approval must come from another supervisor."
                    : "您是本申请的初审人，复核须由其他科长作出。");
        }
        assertThat(taskService.createTaskQuery().taskId(second).count()).as("still open").isOne();
    }
}
