package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person is paid a benefit for a month at most once, across every claim: the same household
 * claimed by the wife and by the husband, to two bank accounts, one after the other and at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaidOncePerPersonTest {

    @Autowired
    TestRestTemplate http;
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
    PaymentMapper payments;
    @Autowired
    cn.huiyisheng.app.payments.Payments paymentService;
    @Autowired
    SealedDeterminations sealed;

    private ClaimDriver driver() {
        return new ClaimDriver(http, runtime, management, taskService);
    }

    private String submit(People.Couple who, String body) {
        return driver().submit(who, body);
    }

    private void approve(String reference) {
        driver().approve("reviewer", reference);
    }

    private JsonNode claim(People.Couple who, String reference) {
        return driver().claim(who, reference);
    }

    private List<PaymentRow> paymentsOf(String reference) {
        return payments.findPaymentsOfClaim(claims.findByReference(reference).getId());
    }

    @Test
    void aSecondClaimForMonthsAlreadyGrantedIsToldWhichClaimHoldsThemAndIsNotPaidForThem() {
        People.Couple wife = People.couple(users);
        People.Couple husband = People.husbandOf(users, wife);
        String first = submit(wife, wife.smallClaim("2014-01", "2014-01"));
        Jobs.runDueOfClaim(runtime, management, first);
        approve(first);
        Jobs.runDueOfClaim(runtime, management, first);
        assertThat(paymentsOf(first)).hasSize(2); // 2014-01 for each parent

        // the husband claims the same household for 2014-01 to 2014-03, to his own account
        String second = submit(husband, husband.smallClaim("2014-01", "2014-03"));
        Jobs.runDueOfClaim(runtime, management, second);
        JsonNode c = claim(husband, second);
        JsonNode subjects = c.at("/determination/period/benefits/0/subjects");
        assertThat(subjects).hasSize(2).allSatisfy(s -> {
            JsonNode held = s.at("/segments/0");
            assertThat(held.get("from").asText()).isEqualTo("2014-01");
            assertThat(held.get("to").asText()).isEqualTo("2014-01");
            assertThat(held.get("eligible").asBoolean()).isFalse();
            assertThat(held.at("/reasons/0/code").asText()).isEqualTo("HELD_BY_OTHER_CLAIM");
            assertThat(held.at("/reasons/0/zh").asText()).isEqualTo("已由申请 " + first + " 领取 2014-01");
            JsonNode rest = s.at("/segments/1");
            assertThat(rest.get("from").asText()).isEqualTo("2014-02");
            assertThat(rest.get("to").asText()).isEqualTo("2014-03");
            assertThat(rest.get("eligible").asBoolean()).isTrue();
        });
        assertThat(c.get("amountTotal").decimalValue()).isEqualByComparingTo("1360.00"); // 2 months x 340 x 2 parents
        // the sealed record replays identically, with the records it used
        var record = sealed.latest(claims.findByReference(second).getId()).orElseThrow();
        assertThat(record.getRecordsJson()).contains(first);
        assertThat(sealed.replay(record.getId()).identical()).isTrue();

        approve(second);
        Jobs.runDueOfClaim(runtime, management, second);
        assertThat(paymentsOf(second)).extracting(PaymentRow::getPeriod).containsExactlyInAnyOrder("2014-02", "2014-02", "2014-03", "2014-03");

        // the bank file pays each parent once for 2014-01, to the account of the claim that holds it
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, payments, management, users);
        ResponseEntity<JsonNode> run = http.withBasicAuth("payment", "payment").postForEntity("/api/payment-runs", null, JsonNode.class);
        long runId = run.getBody().get("id").asLong();
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + runId).singleResult().getId());
        List<String> lines = new ArrayList<>();
        for (JsonNode f : http.withBasicAuth("payment", "payment").getForObject("/api/payment-runs/" + runId, JsonNode.class).get("files")) {
            lines.addAll(List.of(http.withBasicAuth("payment", "payment").getForObject(f.get("download").asText(), String.class)
                    .replace("\uFEFF", "").split("\r\n")));
        }
        for (String person : List.of(wife.womanId(), wife.manId())) {
            assertThat(lines).filteredOn(l -> l.contains("," + person + ",") && l.contains(",2014-01,SPECIAL_SUPPORT,"))
                    .singleElement().satisfies(l -> assertThat(l).contains(wife.bankAccount()).endsWith("," + first + ","));
        }
    }

    @Test
    void twoClaimsRacingForTheSameMonthsPayEachPersonOnce() throws Exception {
        People.Couple wife = People.couple(users);
        People.Couple husband = People.husbandOf(users, wife);
        // both determined before either is granted: neither sees the other
        String a = submit(wife, wife.smallClaim("2014-01", "2014-02"));
        String b = submit(husband, husband.smallClaim("2014-01", "2014-02"));
        Jobs.runDueOfClaim(runtime, management, a);
        Jobs.runDueOfClaim(runtime, management, b);
        assertThat(claim(wife, a).get("amountTotal").decimalValue()).isEqualByComparingTo("1360.00");
        assertThat(claim(husband, b).get("amountTotal").decimalValue()).isEqualByComparingTo("1360.00");
        approve(a);
        approve(b);
        // both grants at once, as two job executor threads would
        List<String> jobs = new ArrayList<>();
        for (String ref : List.of(a, b)) {
            jobs.addAll(management.createJobQuery().processInstanceId(Jobs.processOf(runtime, ref)).executable().list().stream()
                    .map(Job::getId).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String job : jobs) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    management.executeJob(job);
                } catch (RuntimeException lostARace) {
                    // a deadlock victim's job stays, with a retry: run again below, as the job executor would
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        Jobs.runDueOfClaim(runtime, management, a);
        Jobs.runDueOfClaim(runtime, management, b);

        List<PaymentRow> all = new ArrayList<>(paymentsOf(a));
        all.addAll(paymentsOf(b));
        // two persons x two months: four payments in all, never eight
        assertThat(all).hasSize(4);
        assertThat(claims.findByReference(a).getStatus()).isEqualTo("APPROVED");
        assertThat(claims.findByReference(b).getStatus()).isEqualTo("APPROVED");
        String loser = paymentsOf(a).isEmpty() ? a : b;
        People.Couple loserAccount = loser.equals(a) ? wife : husband;
        assertThat(claim(loserAccount, loser).get("timeline")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("HELD_BY_OTHER_CLAIM");
            assertThat(e.get("detail").asText()).contains(loser.equals(a) ? b : a);
        });
    }

    @Test
    void aFreeServiceIsGrantedToAPersonOnceAYear() {
        People.Couple wife = People.couple(users);
        People.Couple husband = People.husbandOf(users, wife);
        // both parents are over 65 on the claim's date: the yearly health check for each
        String body = "{\"household\": %s, \"benefits\": [\"ELDER_HEALTH_CHECK\"], \"period\": {\"from\": \"2026-12\", "
                + "\"to\": \"2026-12\"}, \"bankAccount\": \"%s\"}";
        String first = submit(wife, body.formatted(wife.household(), wife.bankAccount()));
        approve(first);
        driver().runJobs(first);
        assertThat(claims.findByReference(first).getStatus()).isEqualTo("APPROVED");

        String second = submit(husband, body.formatted(husband.household(), husband.bankAccount()));
        JsonNode items = claim(husband, second).at("/determination/determination/benefits/0/items");
        assertThat(items).hasSize(2).allSatisfy(i -> {
            assertThat(i.get("eligible").asBoolean()).isFalse();
            assertThat(i.at("/reasons/0/code").asText()).isEqualTo("HELD_BY_OTHER_CLAIM");
            assertThat(i.at("/reasons/0/zh").asText()).isEqualTo("已由申请 " + first + " 领取 2026");
        });
    }
}
