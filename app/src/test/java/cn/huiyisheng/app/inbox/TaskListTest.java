package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.fixtures.People;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff's task lists as a reviewer works them: found by the applicant's name, the last four of
 * the ID number or the reference; narrowed by benefit, district, status, overdue; sorted and paged;
 * "mine", "my groups'" and "done by me" each holding what they say. Through the API and the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TaskListTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MockMvc mvc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    cn.huiyisheng.app.identity.Users users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String submit(People.Couple couple) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "list-" + UUID.randomUUID());
        String reference = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                new HttpEntity<>(couple.smallClaim(), headers), JsonNode.class).getBody().get("reference").asText();
        Jobs.runDueOfClaim(runtime, management, reference);
        return reference;
    }

    private ResponseEntity<JsonNode> list(String user, String query) {
        return http.withBasicAuth(user, user).getForEntity("/api/tasks?" + query, JsonNode.class);
    }

    private List<String> references(String user, String query) {
        ResponseEntity<JsonNode> r = list(user, query);
        assertThat(r.getStatusCode().value()).as(query).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        r.getBody().forEach(t -> refs.add(t.path("claimReference").asText()));
        return refs;
    }

    @Test
    void aReviewerFindsAClaimByTheApplicantsNameTheLastFourOfHerIdOrItsReference() {
        String name = People.newWomanName();
        People.Couple her = People.coupleNamed(users, name);
        String hers = submit(her);
        String other = submit(People.coupleNamed(users, People.newWomanName()));

        assertThat(references("reviewer", "q=" + name)).contains(hers).doesNotContain(other);
        // a part of the name finds it too, and the row shows the name masked, never in clear
        ResponseEntity<JsonNode> byPart = list("reviewer", "q=" + name.substring(1));
        JsonNode row = StreamSupport.stream(byPart.getBody().spliterator(), false)
                .filter(t -> hers.equals(t.path("claimReference").asText())).findFirst().orElseThrow();
        assertThat(row.get("applicant").asText()).isEqualTo("李***").doesNotContain(name.substring(1));
        assertThat(row.get("benefits").get(0).asText()).isEqualTo("SPECIAL_SUPPORT");
        assertThat(row.get("district").asText()).isEqualTo("福田区");
        assertThat(row.get("received").asText()).isNotBlank();
        assertThat(Long.parseLong(byPart.getHeaders().getFirst("X-Total-Count"))).isGreaterThanOrEqualTo(1);

        String tail = her.applicantId().substring(14);
        assertThat(references("reviewer", "q=" + tail)).contains(hers);
        assertThat(references("reviewer", "q=" + hers.substring(0, hers.length() - 2).toLowerCase())).contains(hers);
        assertThat(references("reviewer", "q=" + hers)).containsExactly(hers);
        // a search is text, not a pattern: _ (any one character, to SQL) matches itself only
        assertThat(references("reviewer", "q=_")).isEmpty();
    }

    @Test
    void filtersNarrowTheListAndEveryBadParameterIsNamedAtOnce() {
        String name = People.newWomanName();
        String ref = submit(People.coupleNamed(users, name));
        String q = "q=" + name + "&";
        assertThat(references("reviewer", q + "benefit=SPECIAL_SUPPORT")).contains(ref);
        assertThat(references("reviewer", q + "benefit=REWARD_SUPPORT")).doesNotContain(ref);
        assertThat(references("reviewer", q + "status=IN_REVIEW")).contains(ref);
        assertThat(references("reviewer", q + "status=APPROVED")).doesNotContain(ref);
        assertThat(references("reviewer", q + "district=福田区")).contains(ref);
        assertThat(references("reviewer", q + "district=南山区")).doesNotContain(ref);
        assertThat(references("reviewer", q + "overdue=true")).as("reviewed within its 10 working days").doesNotContain(ref);

        ResponseEntity<JsonNode> bad = list("reviewer", "tab=LATER&sort=colour&size=0&benefit=NOPE&overdue=maybe");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(StreamSupport.stream(bad.getBody().get("problems").spliterator(), false).map(p -> p.get("path").asText()))
                .containsExactlyInAnyOrder("tab", "sort", "size", "benefit", "overdue");
    }

    @Test
    void pagesAreSortedCountedAndNeverOverlap() {
        String name = People.newWomanName();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(submit(People.coupleNamed(users, name)));
        }
        String q = "q=" + name + "&sort=RECEIVED&size=2";
        ResponseEntity<JsonNode> first = list("reviewer", q + "&page=1");
        assertThat(first.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        List<String> page1 = references("reviewer", q + "&page=1");
        List<String> page2 = references("reviewer", q + "&page=2");
        assertThat(page1).hasSize(2);
        assertThat(page2).hasSize(1);
        List<String> all = new ArrayList<>(page1);
        all.addAll(page2);
        assertThat(all).as("received order, oldest first").containsExactlyElementsOf(submitted);
        List<String> reversed = new ArrayList<>(references("reviewer", q + "&dir=desc&page=1"));
        reversed.addAll(references("reviewer", q + "&dir=desc&page=2"));
        List<String> expected = new ArrayList<>(submitted);
        java.util.Collections.reverse(expected);
        assertThat(reversed).containsExactlyElementsOf(expected);
    }

    @Test
    void myTasksGroupTasksAndDoneByMeEachHoldWhatTheySay() {
        String ref = submit(People.coupleNamed(users, People.newWomanName()));
        String task = taskService.createTaskQuery().processInstanceBusinessKey(ref).singleResult().getId();
        assertThat(references("reviewer", "tab=GROUP&q=" + ref)).containsExactly(ref);
        assertThat(references("reviewer", "tab=MINE&q=" + ref)).isEmpty();

        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/tasks/" + task + "/claim", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(references("reviewer", "tab=MINE&q=" + ref)).containsExactly(ref);
        assertThat(references("reviewer", "tab=GROUP&q=" + ref)).as("taken: no longer in the group's list").isEmpty();
        assertThat(references("reviewer2", "tab=GROUP&q=" + ref)).as("nor in a colleague's").isEmpty();
        assertThat(references("reviewer", "tab=DONE&q=" + ref)).isEmpty();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/tasks/" + task + "/complete",
                new HttpEntity<>("{\"decision\": \"APPROVE\"}", headers), Void.class).getStatusCode().value()).isEqualTo(204);
        JsonNode done = list("reviewer", "tab=DONE&q=" + ref).getBody();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(done.get(0).get("acted").asText()).isNotBlank();
        assertThat(references("reviewer", "tab=MINE&q=" + ref)).isEmpty();
        assertThat(references("reviewer2", "tab=DONE&q=" + ref)).as("reviewer2 decided nothing of it").isEmpty();
    }

    @Test
    void thePageHasTheTabsTheSearchAndThePagesInTheUsersLanguage() throws Exception {
        String name = People.newWomanName();
        String ref = submit(People.coupleNamed(users, name));
        String zh = mvc.perform(get("/inbox").param("q", name).with(user("reviewer").roles("REVIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("我的待办").contains("组任务").contains("已办").contains(ref).contains("李***")
                .contains("共 1 条，第 1/1 页");
        // the name is in the search box the reviewer typed it into, and nowhere else: the row shows it masked
        assertThat(zh.split(name, -1)).hasSize(2);
        String en = mvc.perform(get("/inbox").param("q", name).param("lang", "en").with(user("reviewer").roles("REVIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("My tasks").contains("Group tasks").contains("Done by me").contains("1 found, page 1 of 1");
        String bad = mvc.perform(get("/inbox").param("sort", "colour").with(user("reviewer").roles("REVIEWER")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("排序");
    }

    @Test
    void aClaimNoOneMaySecondApproveIsShownToTheAdministratorAsBlockedWithTheReason() throws Exception {
        // the only supervisor is "supervisor" (other tests' supervisors are set aside for this test)
        List<String> others = jdbc.queryForList("SELECT username FROM app_user WHERE enabled = TRUE AND roles LIKE '%SUPERVISOR%'"
                + " AND username <> 'supervisor'", String.class);
        others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", u));
        try {
            People.Couple couple = People.coupleNamed(users, People.newWomanName());
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("Idempotency-Key", "list-" + UUID.randomUUID());
            String ref = http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims",
                    new HttpEntity<>(couple.claim(), headers), JsonNode.class).getBody().get("reference").asText();
            Jobs.runDueOfClaim(runtime, management, ref);
            String review = taskService.createTaskQuery().processInstanceBusinessKey(ref).singleResult().getId();
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.withBasicAuth("supervisor", "supervisor").postForEntity("/api/tasks/" + review + "/complete",
                    new HttpEntity<>("{\"decision\": \"APPROVE\"}", json), Void.class).getStatusCode().value()).isEqualTo(204);
            Jobs.runDueOfClaim(runtime, management, ref);

            String page = mvc.perform(get("/inbox/blocked").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("无人可复核的申请").contains(ref).contains("所有在职科长均为本申请的审核人（supervisor）");
            mvc.perform(get("/inbox/blocked").with(user("reviewer").roles("REVIEWER"))).andExpect(status().isForbidden());
            assertThat(references("supervisor", "tab=GROUP&q=" + ref)).as("not offered to its reviewer").isEmpty();

            // a second supervisor, of another household, unblocks it: the claim leaves the list and is in his
            String second = "sv-" + UUID.randomUUID().toString().substring(0, 8);
            People.account(users, second, People.newId(java.time.LocalDate.of(1977, 7, 7), true), "陈科",
                    java.util.Set.of(cn.huiyisheng.app.identity.Role.SUPERVISOR));
            assertThat(mvc.perform(get("/inbox/blocked").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                    .getContentAsString()).doesNotContain(ref);
            assertThat(references(second, "tab=GROUP&q=" + ref)).containsExactly(ref);
        } finally {
            others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = ?", u));
        }
    }

    @Test
    void theListsFollowTheTasksWhateverPathChangesThemEvenWithListenersSkipped() {
        String ref = submit(People.coupleNamed(users, People.newWomanName()));
        String task = taskService.createTaskQuery().processInstanceBusinessKey(ref).singleResult().getId();
        // assigned through Camunda's own API (as Tasklist or the REST API would): in the assignee's list
        taskService.setAssignee(task, "reviewer");
        assertThat(references("reviewer", "tab=MINE&q=" + ref)).containsExactly(ref);
        assertThat(references("reviewer", "tab=GROUP&q=" + ref)).isEmpty();
        taskService.setAssignee(task, null);
        assertThat(references("reviewer", "tab=GROUP&q=" + ref)).containsExactly(ref);
        // an operator cancels the instance in Cockpit with "skip custom listeners": the task leaves the lists too
        runtime.deleteProcessInstance(Jobs.processOf(runtime, ref), "cancelled by an operator", true);
        assertThat(references("reviewer", "q=" + ref)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE task_id = ?", Long.class, task)).isZero();
    }
}
