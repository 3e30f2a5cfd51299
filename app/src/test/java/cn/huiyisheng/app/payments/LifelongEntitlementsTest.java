package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.fixtures.PolicyLifecycle;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.app.policy.OwnDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifelong entitlements (issue 10): a recurring benefit approved once is paid month after month by
 * the payment runs, each month under the rules in force for it as known at the run, without a new
 * claim; a raise published after the approval, through the policy lifecycle, is paid from its first
 * month. Lived through on the engine's clock, in a database of its own (its records are of 2013-2014).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class LifelongEntitlementsTest {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        OwnDatabase.register(registry, "_lifelong", "lifelong");
    }

    static final ZoneId SHENZHEN = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    Users users;
    @Autowired
    Payments payments;
    @Autowired
    PaymentMapper mapper;
    @Autowired
    ClaimMapper claims;
    @Autowired
    SealedDeterminations sealed;
    @Autowired
    RecurringEntitlements recurring;
    @Autowired
    Corrections adjustments;
    @Autowired
    LifeEvents events;
    @Autowired
    cn.huiyisheng.app.identity.PersonKeys personKeys;
    @Autowired
    cn.huiyisheng.app.notifications.Notifications messages;
    /** The notes of the bank-file lines of the last run ({@link #paymentRunAt}), in their order. */
    final List<String> notes = new ArrayList<>();

    @AfterEach
    void realTime() {
        // the records made on this clock are sealed on it: the sealer looks a minute behind its newest seal (or behind
        // now, on a clock set back), and a record stamped on a clock since set forward would be left in no seal
        sealed.seal();
        ClockUtil.reset();
    }

    /** Sets the engine's clock (and so the service's) to this Shenzhen time. */
    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHENZHEN).toInstant()));
    }

    /**
     * The payment run an officer starts at this time: the lines of its bank files as "payee period
     * amount benefit", then the bank pays every line and the run is reconciled.
     */
    List<String> paymentRunAt(String localDateTime) {
        return paymentRunAt(localDateTime, null);
    }

    /** As {@link #paymentRunAt(String)}, the lines of one benefit or one claim only (the runs pay every test's entitlements). */
    List<String> paymentRunAt(String localDateTime, String benefitOrClaim) {
        return paymentRunAt(localDateTime, benefitOrClaim, l -> false);
    }

    /** The id of the last run {@link #paymentRunAt} made. */
    long lastRun;

    /** As {@link #paymentRunAt(String, String)}; the bank returns the lines {@code fails} picks as failed, and pays the rest. */
    List<String> paymentRunAt(String localDateTime, String benefitOrClaim,
                              java.util.function.Predicate<cn.huiyisheng.app.payments.persistence.PaymentLine> fails) {
        at(localDateTime);
        Payments.RunView started = payments.startRun(users.current("payment"));
        String process = mapper.findRun(started.id()).getProcessInstanceId();
        Jobs.runDue(management, process);
        Payments.RunView run = payments.runView(started.id());
        lastRun = run.id();
        List<String> lines = new ArrayList<>();
        notes.clear();
        if (run.status().equals("NOTHING_DUE")) {
            return lines;
        }
        assertThat(run.status()).isEqualTo("FILES_WRITTEN");
        for (Payments.FileView f : run.files()) {
            String csv = new String(payments.bankFile(run.id(), f.payer(), users.current("payment")).content(), StandardCharsets.UTF_8);
            csv.lines().skip(1).forEach(l -> {
                String[] c = l.split(",", -1);
                if (benefitOrClaim == null || benefitOrClaim.equals(c[6]) || benefitOrClaim.equals(c[7])) {
                    lines.add(c[1] + " " + c[5] + " " + c[4] + " " + c[6]);
                    notes.add(c[8]);
                }
            });
        }
        StringBuilder bank = new StringBuilder("reference,status,reason\n");
        mapper.findLinesOfRun(run.id()).forEach(l -> bank.append(Payments.reference(l.getPaymentId()))
                .append(fails.test(l) ? ",FAILED,账户冻结 account frozen\n" : ",PAID,\n"));
        payments.importReturnFile(run.id(), users.current("payment"), bank.toString().getBytes(StandardCharsets.UTF_8));
        Jobs.runDue(management, process);
        assertThat(payments.runView(run.id()).status()).isEqualTo("RECONCILED");
        return lines;
    }

    @Test
    void specialSupportApprovedIn2013IsPaidEveryMonthUnderTheVersionInForceForItAsKnownAtTheRunWithoutANewClaim() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);

        // October 2013: the bereaved couple claim special support from this month, with no last month
        at("2013-10-15T10:00:00");
        String reference = driver.submit(couple, couple.openEndedClaim("2013-10"));
        JsonNode claim = driver.claim(couple, reference);
        assertThat(claim.get("periodFrom").asText()).isEqualTo("2013-10");
        // determined under the 2012 version (the 2014 raise is not published yet): 135 a month for each parent
        assertThat(claim.at("/determination/period/benefits/0/subjects/0/segments/0/amount").decimalValue())
                .isEqualByComparingTo("135.00");
        assertThat(claim.at("/determination/period/benefits/0/subjects/0/segments/0/version/id").asText())
                .isEqualTo("SPECIAL_SUPPORT-v2");
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        long claimId = claims.findByReference(reference).getId();
        List<RecurringEntitlementRow> standing = recurring.ofClaim(claimId);
        assertThat(standing).hasSize(2).allSatisfy(e -> {
            assertThat(e.getStatus()).isEqualTo("ACTIVE");
            assertThat(e.getStartPeriod()).isEqualTo("2013-10");
            assertThat(e.getDeterminedThrough()).isEqualTo("2013-10");
            assertThat(e.getUntilPeriod()).isNull();
        });

        // November: the approved month and the new one, each 135
        assertThat(paymentRunAt("2013-11-01T09:00:00")).containsExactlyInAnyOrder(
                "李梅 2013-10 135.00 SPECIAL_SUPPORT", "王强 2013-10 135.00 SPECIAL_SUPPORT",
                "李梅 2013-11 135.00 SPECIAL_SUPPORT", "王强 2013-11 135.00 SPECIAL_SUPPORT");
        // January 2014: the raise published on 2013-12-26 is known at this run, and in force from January
        assertThat(paymentRunAt("2014-01-02T09:00:00")).containsExactlyInAnyOrder(
                "李梅 2013-12 135.00 SPECIAL_SUPPORT", "王强 2013-12 135.00 SPECIAL_SUPPORT",
                "李梅 2014-01 340.00 SPECIAL_SUPPORT", "王强 2014-01 340.00 SPECIAL_SUPPORT");

        // May 2014: policy staff publish a raise to 380 from July, through the lifecycle (two people)
        at("2014-05-20T15:00:00");
        JsonNode published = PolicyLifecycle.publishSpecialSupport380(http, "2014-07-01", "2014-06-30");
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        String raise = "SPECIAL_SUPPORT-v" + published.get("publishedVersion").asInt();

        // July: five months at 340 and July at 380, in one run, each month once
        List<String> july = paymentRunAt("2014-07-01T09:00:00");
        assertThat(july).hasSize(12).filteredOn(l -> l.contains(" 2014-07 ")).containsExactlyInAnyOrder(
                "李梅 2014-07 380.00 SPECIAL_SUPPORT", "王强 2014-07 380.00 SPECIAL_SUPPORT");
        assertThat(july).filteredOn(l -> !l.contains(" 2014-07 ")).allSatisfy(l -> assertThat(l).endsWith("340.00 SPECIAL_SUPPORT"))
                .extracting(l -> l.split(" ")[1]).containsOnly("2014-02", "2014-03", "2014-04", "2014-05", "2014-06");
        // a second run in the same month finds nothing due: no month is paid twice
        assertThat(paymentRunAt("2014-07-20T09:00:00")).isEmpty();

        // one claim all along; each run's determination is sealed with the version it used, and replays
        assertThat(claims.findByApplicant(couple.username())).hasSize(1);
        List<DeterminationRow> records = sealed.ofClaim(claimId).stream()
                .filter(d -> SealedDeterminations.SCOPE_PAYMENT.equals(d.getScope())).toList();
        assertThat(records).hasSize(3); // three runs that determined, one record for both parents each
        DeterminationRow lastOfJuly = records.get(records.size() - 1);
        assertThat(lastOfJuly.getVersionsJson()).contains("SPECIAL_SUPPORT-v3").contains(raise);
        assertThat(sealed.replay(lastOfJuly.getId()).identical()).isTrue();
        // and the claim's timeline says so, in the applicant's language
        JsonNode timeline = driver.claim(couple, reference).get("timeline");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).filteredOn("PAYMENT_DETERMINED"::equals).hasSize(3);
        assertThat(recurring.ofClaim(claimId)).allSatisfy(e -> assertThat(e.getDeterminedThrough()).isEqualTo("2014-07"));

        // October: August to October paid at 380
        assertThat(paymentRunAt("2014-10-01T09:00:00", "SPECIAL_SUPPORT")).hasSize(6)
                .allSatisfy(l -> assertThat(l).endsWith(" 380.00 SPECIAL_SUPPORT"));
        // the couple confirm a year after the approval (special support needs it yearly)
        at("2014-10-20T10:00:00");
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/claims/" + reference + "/confirmations",
                new HttpEntity<>("{\"how\": \"本人到社区服务中心现场认证\"}", jsonHeaders()), JsonNode.class).getStatusCode().value())
                .isEqualTo(201);
        // January 2015: a correction is published: 420 from September 2014, months already paid
        at("2015-01-10T15:00:00");
        String correction = "SPECIAL_SUPPORT-v" + PolicyLifecycle.publishSpecialSupport(http, PolicyLifecycle.specialSupportWorkbook("420"),
                "2014-09-01", "2014-08-31", "380.00", "420.00").get("publishedVersion").asInt();
        // February: a top-up of 40 for September and October, each parent, as lines of their own naming the correction;
        // November to February at 420
        List<String> february = paymentRunAt("2015-02-01T09:00:00", "SPECIAL_SUPPORT");
        assertThat(february).filteredOn(l -> l.contains(" 2014-09 ") || l.contains(" 2014-10 ")).containsExactlyInAnyOrder(
                "李梅 2014-09 40.00 SPECIAL_SUPPORT", "王强 2014-09 40.00 SPECIAL_SUPPORT",
                "李梅 2014-10 40.00 SPECIAL_SUPPORT", "王强 2014-10 40.00 SPECIAL_SUPPORT");
        assertThat(february).hasSize(12).filteredOn(l -> !l.contains(" 2014-09 ") && !l.contains(" 2014-10 "))
                .allSatisfy(l -> assertThat(l).endsWith(" 420.00 SPECIAL_SUPPORT"));
        assertThat(notes).filteredOn(n -> !n.isEmpty()).hasSize(4).containsOnly("补发 top-up " + correction);
        // the applicant is told of what each run paid, in her messages: the latest, February's 12 lines (8 × 420 and 4 × 40)
        assertThat(messages.of(couple.username())).filteredOn(m -> m.type() == cn.huiyisheng.app.notifications.Notifications.Type.PAID
                && m.claimReference().equals(reference)).isNotEmpty().first().satisfies(m -> {
                    assertThat(m.params().get(0)).isEqualTo("12");
                    assertThat(new java.math.BigDecimal(m.params().get(1))).isEqualByComparingTo("3520.00");
                });
        // once: a run again finds nothing, and the correction is not checked twice
        assertThat(paymentRunAt("2015-02-20T09:00:00", "SPECIAL_SUPPORT")).isEmpty();
        assertThat(adjustments.ofClaim(claimId)).hasSize(4).allSatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(Corrections.TOP_UP);
            assertThat(a.getCause()).isEqualTo(correction);
            assertThat(a.getAmountBefore()).isEqualByComparingTo("380.00");
            assertThat(a.getAmountAfter()).isEqualByComparingTo("420.00");
        });

        // March: a correction lowering it to 400 from October 2014: October to February were paid 20 too much, each
        // parent; recorded for a reviewer, never taken back by itself; March is paid at 400
        at("2015-02-25T15:00:00");
        String lower = "SPECIAL_SUPPORT-v" + PolicyLifecycle.publishSpecialSupport(http, PolicyLifecycle.specialSupportWorkbook("400"),
                "2014-10-01", "2014-09-30", "420.00", "400.00").get("publishedVersion").asInt();
        assertThat(paymentRunAt("2015-03-02T09:00:00", "SPECIAL_SUPPORT")).containsExactlyInAnyOrder(
                "李梅 2015-03 400.00 SPECIAL_SUPPORT", "王强 2015-03 400.00 SPECIAL_SUPPORT");
        assertThat(adjustments.ofClaim(claimId)).filteredOn(a -> a.getCause().equals(lower)).hasSize(10).allSatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(Corrections.OVERPAYMENT);
            assertThat(a.getStatus()).isEqualTo("OPEN");
            assertThat(a.getDifference()).isEqualByComparingTo("-20.00");
        });
        types.clear();
        JsonNode seen = driver.claim(couple, reference);
        seen.get("timeline").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).filteredOn("CORRECTED"::equals).hasSize(2);
        // the applicant sees the standing entitlements and every adjustment of their months
        assertThat(seen.get("standing")).hasSize(2).allSatisfy(st -> {
            assertThat(st.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(st.get("determinedThrough").asText()).isEqualTo("2015-03");
        });
        assertThat(seen.get("adjustments")).hasSize(14);
        // and in the portal: her standing entitlements, the top-ups and the overpayments in words
        String portal = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/my/claims/" + reference)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(couple.username())
                                .roles("APPLICANT")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(portal).contains("长期待遇").contains("发放中").contains("自 2013-10 起，已核定至 2015-03")
                .contains("补发与多发").contains("已安排补发").contains("待处理").contains("¥40.00").contains("¥20.00");

        // a reviewer has the wife's five overpayments (100) recovered from her later payments, and waives her husband's
        at("2015-03-20T10:00:00");
        String wife = personKeys.of(couple.womanId());
        for (cn.huiyisheng.app.payments.persistence.AdjustmentRow a : adjustments.ofClaim(claimId)) {
            if (a.getCause().equals(lower)) {
                assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/overpayments/" + a.getId()
                        + "/decision", new HttpEntity<>(a.getPersonKey().equals(wife) ? "{\"decision\": \"RECOVER\", \"reason\": \"从今后发放中扣回\"}"
                        : "{\"decision\": \"WAIVE\", \"reason\": \"免予追回\"}", jsonHeaders()), JsonNode.class).getStatusCode().value())
                        .isEqualTo(200);
            }
        }
        // April: all 100 withheld from her April payment (at most half of it may be), named on her line; the bank returns it
        java.util.function.Predicate<cn.huiyisheng.app.payments.persistence.PaymentLine> herApril = l -> reference.equals(l.getClaimReference())
                && l.getPeriod().equals("2015-04") && l.getSubjectPath().startsWith("$.applicant");
        assertThat(paymentRunAt("2015-04-01T09:00:00", reference, herApril)).containsExactlyInAnyOrder(
                couple.womanName() + " 2015-04 300.00 SPECIAL_SUPPORT", "王强 2015-04 400.00 SPECIAL_SUPPORT");
        assertThat(notes).containsOnlyOnce("扣回多发 100.00 withheld (overpayment)").filteredOn(n -> !n.isEmpty()).hasSize(1);
        assertThat(payments.runView(lastRun).composition().withheldTotal()).isEqualByComparingTo("100.00");
        assertThat(adjustments.ofClaim(claimId)).filteredOn(a -> a.getCause().equals(lower) && a.getPersonKey().equals(wife)).hasSize(5)
                .allSatisfy(a -> {
                    assertThat(a.getStatus()).isEqualTo("RECOVERY");
                    assertThat(a.getRecovered()).isEqualByComparingTo("0.00"); // not paid: nothing recovered yet
                });
        // May: the returned April payment again, still withholding its 100 (and no more); May paid in full
        assertThat(paymentRunAt("2015-05-01T09:00:00", reference)).containsExactlyInAnyOrder(
                couple.womanName() + " 2015-04 300.00 SPECIAL_SUPPORT", couple.womanName() + " 2015-05 400.00 SPECIAL_SUPPORT",
                "王强 2015-05 400.00 SPECIAL_SUPPORT");
        assertThat(adjustments.ofClaim(claimId)).filteredOn(a -> a.getCause().equals(lower) && a.getPersonKey().equals(wife)).hasSize(5)
                .allSatisfy(a -> {
                    assertThat(a.getStatus()).isEqualTo("RECOVERED");
                    assertThat(a.getRecovered()).isEqualByComparingTo("20.00");
                });
        // June: nothing more withheld, ever
        assertThat(paymentRunAt("2015-06-01T09:00:00", reference)).containsExactlyInAnyOrder(
                couple.womanName() + " 2015-06 400.00 SPECIAL_SUPPORT", "王强 2015-06 400.00 SPECIAL_SUPPORT");
        assertThat(notes).allSatisfy(n -> assertThat(n).isEmpty());
        List<String> told = new ArrayList<>();
        driver.claim(couple, reference).get("timeline").forEach(e -> told.add(e.get("type").asText()));
        assertThat(told).filteredOn("RECOVERY_WITHHELD"::equals).hasSize(1);
    }

    @Test
    void theOneChildHealthFeeEndsWithTheMonthTheChildTurns14AndTheEntitlementClosesWithTheRulesReason() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);
        String fee = "ONE_CHILD_HEALTH_FEE";
        // a child born on 2005-03-15, with the certificate; the mother works for a private firm (the city pays her),
        // the father for a state-owned one (his employer pays him)
        String household = """
                {"applicant": {"idNumber": "%s", "name": "%s", "sex": "FEMALE", "birthDate": "1958-03-20",
                               "registration": {"type": "URBAN_HUKOU", "district": "南山区"},
                               "employment": {"employerType": "NON_STATE_ENTERPRISE", "employerName": "某科技有限公司"}},
                 "spouse": {"idNumber": "%s", "name": "王强", "sex": "MALE", "birthDate": "1960-05-12",
                            "registration": {"type": "URBAN_HUKOU", "district": "南山区"},
                            "employment": {"employerType": "STATE_OWNED_ENTERPRISE", "employerName": "某国有公司"}},
                 "children": [{"name": "张小宇", "sex": "MALE", "birthDate": "2005-03-15", "birthOrder": 1}],
                 "certificate": {"number": "SZ-2005-004711", "issueDate": "2005-06-10"}}"""
                .formatted(couple.womanId(), couple.womanName(), couple.manId());
        at("2018-12-10T10:00:00");
        String reference = driver.submit(couple, """
                {"household": %s, "benefits": ["%s"], "period": {"from": "2018-12"}, "bankAccount": "%s"}"""
                .formatted(household, fee, couple.bankAccount()));
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        long claimId = claims.findByReference(reference).getId();
        assertThat(recurring.ofClaim(claimId)).hasSize(2).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo("ACTIVE"));

        assertThat(paymentRunAt("2019-02-01T09:00:00", fee)).hasSize(6).allSatisfy(l -> assertThat(l).endsWith(" 20.00 " + fee))
                .extracting(l -> l.split(" ")[1]).containsOnly("2018-12", "2019-01", "2019-02");
        // the child turns 14 on 2019-03-15: March is the last month paid, and the entitlement ends with the rules' reason
        assertThat(paymentRunAt("2019-04-01T09:00:00", fee)).containsExactlyInAnyOrder(
                couple.womanName() + " 2019-03 20.00 " + fee, "王强 2019-03 20.00 " + fee);
        assertThat(recurring.ofClaim(claimId)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getStatus()).isEqualTo("CLOSED");
            assertThat(e.getEndPeriod()).isEqualTo("2019-03");
            assertThat(e.getEndReason()).contains("14");
        });
        assertThat(paymentRunAt("2019-05-01T09:00:00", fee)).isEmpty();
        JsonNode timeline = driver.claim(couple, reference).get("timeline");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).filteredOn("ENTITLEMENT_ENDED"::equals).hasSize(2);
    }

    ResponseEntity<JsonNode> lifeEvent(String user, String reference, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/claims/" + reference + "/life-events", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    @Test
    void aRecipientsDeathStopsTheirPaymentsAfterTheMonthOfDeathAndFlagsTheMonthsAlreadyPaid() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);
        at("2016-01-10T10:00:00");
        String reference = driver.submit(couple, couple.openEndedClaim("2016-01"));
        String amount = driver.claim(couple, reference).at("/determination/period/benefits/0/subjects/0/segments/0/amount").decimalValue()
                .setScale(2).toPlainString();
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        long claimId = claims.findByReference(reference).getId();
        assertThat(paymentRunAt("2016-04-01T09:00:00", reference)).hasSize(8)
                .extracting(l -> l.split(" ")[1]).containsOnly("2016-01", "2016-02", "2016-03", "2016-04");

        // a bad event changes nothing: every problem named by its field
        at("2016-04-20T10:00:00");
        ResponseEntity<JsonNode> bad = lifeEvent("reviewer", reference, """
                {"kind": "DEATH", "subject": "child[5]", "date": "2016-05-01"}""");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        bad.getBody().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("$.date", "$.evidence", "$.subject");
        // nor may the applicant record one
        assertThat(http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/claims/" + reference + "/life-events",
                new HttpEntity<>("{}", jsonHeaders()), JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(events.ofClaim(claimId)).isEmpty();

        // the husband died on 2016-02-15: he is paid through February; March and April, already paid, are overpaid
        ResponseEntity<JsonNode> recorded = lifeEvent("reviewer", reference, """
                {"kind": "DEATH", "subject": "spouse", "date": "2016-02-15", "evidence": "死亡证明 No. 4403042016000123"}""");
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
        assertThat(recorded.getBody().get("overpayments").asInt()).isEqualTo(2);
        assertThat(recorded.getBody().get("overpaid").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal(amount).multiply(
                java.math.BigDecimal.valueOf(2)));
        assertThat(recorded.getBody().get("ended").asInt()).isEqualTo(1);
        assertThat(adjustments.ofClaim(claimId)).hasSize(2).allSatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(Corrections.OVERPAYMENT);
            assertThat(a.getStatus()).isEqualTo("OPEN");
            assertThat(a.getPeriod()).isIn("2016-03", "2016-04");
            assertThat(a.getLifeEventId()).isNotNull();
        });
        assertThat(recurring.ofClaim(claimId)).filteredOn(e -> e.getSubjectPath().startsWith("$.spouse")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getStatus()).isEqualTo("CLOSED");
                    assertThat(e.getEndPeriod()).isEqualTo("2016-02");
                    assertThat(e.getEndReason()).contains("去世");
                });
        // a reviewer decides each overpayment, once: one waived, the other's recovery scheduled
        List<Long> open = new ArrayList<>();
        http.withBasicAuth("reviewer", "reviewer").getForObject("/api/entitlements/overpayments", JsonNode.class).forEach(o -> {
            if (o.get("claimId").asLong() == claimId) {
                open.add(o.get("id").asLong());
            }
        });
        assertThat(open).hasSize(2);
        assertThat(http.withBasicAuth(couple.username(), couple.password()).postForEntity("/api/entitlements/overpayments/" + open.get(0)
                + "/decision", new HttpEntity<>("{\"decision\": \"WAIVE\", \"reason\": \"x\"}", jsonHeaders()), JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> waived = http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/overpayments/"
                + open.get(0) + "/decision", new HttpEntity<>("{\"decision\": \"WAIVE\", \"reason\": \"家属生活困难，免予追回\"}",
                jsonHeaders()), JsonNode.class);
        assertThat(waived.getStatusCode().value()).as(String.valueOf(waived.getBody())).isEqualTo(200);
        assertThat(waived.getBody().get("status").asText()).isEqualTo("WAIVED");
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/overpayments/" + open.get(1)
                + "/decision", new HttpEntity<>("{\"decision\": \"RECOVER\", \"reason\": \"通知家属退回\"}", jsonHeaders()), JsonNode.class)
                .getBody().get("status").asText()).isEqualTo("RECOVERY");
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/overpayments/" + open.get(1)
                + "/decision", new HttpEntity<>("{\"decision\": \"WAIVE\", \"reason\": \"again\"}", jsonHeaders()), JsonNode.class)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(adjustments.ofClaim(claimId)).extracting(a -> a.getStatus()).containsExactlyInAnyOrder("WAIVED", "RECOVERY");

        // his wife goes on being paid; he is not
        assertThat(paymentRunAt("2016-05-01T09:00:00", reference)).containsExactly(couple.womanName() + " 2016-05 " + amount
                + " SPECIAL_SUPPORT");
        JsonNode timeline = driver.claim(couple, reference).get("timeline");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("LIFE_EVENT", "CORRECTED", "ENTITLEMENT_ENDED");
        assertThat(events.ofClaim(claimId)).singleElement().satisfies(e -> assertThat(e.getRecordedBy()).isEqualTo("reviewer"));

        // on 20 June the wife's registration moved out of the city (recorded in July): the August run pays June (she was
        // registered on its first day), and from July on neither ends her entitlement by itself nor pays it: it holds it
        // for a reviewer, with the reason
        at("2016-07-10T10:00:00");
        assertThat(lifeEvent("reviewer", reference, """
                {"kind": "MOVED_OUT", "subject": "applicant", "date": "2016-06-20", "evidence": "户口迁移证 No. 2016-0815"}""")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(paymentRunAt("2016-08-01T09:00:00", reference)).containsExactly(couple.womanName() + " 2016-06 " + amount
                + " SPECIAL_SUPPORT");
        RecurringEntitlementRow hers = recurring.ofClaim(claimId).stream().filter(e -> e.getSubjectPath().startsWith("$.applicant"))
                .findFirst().orElseThrow();
        assertThat(hers.getStatus()).isEqualTo("HELD");
        assertThat(hers.getHoldReason()).startsWith("不再符合条件");
        assertThat(hers.getHoldReasonEn()).startsWith("No longer eligible (from 2016-07)");
        assertThat(hers.getDeterminedThrough()).isEqualTo("2016-06");
        JsonNode held = http.withBasicAuth("reviewer", "reviewer").getForObject("/api/entitlements/held", JsonNode.class);
        List<Long> heldIds = new ArrayList<>();
        held.forEach(h -> heldIds.add(h.get("id").asLong()));
        assertThat(heldIds).contains(hers.getId());
        // the applicant cannot see the list, nor decide; a decision needs its reason
        assertThat(http.withBasicAuth(couple.username(), couple.password()).getForEntity("/api/entitlements/held", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/" + hers.getId() + "/decision",
                new HttpEntity<>("{\"decision\": \"END\"}", jsonHeaders()), JsonNode.class).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> ended = http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/" + hers.getId()
                + "/decision", new HttpEntity<>("{\"decision\": \"END\", \"reason\": \"已核实户籍迁出本市，终止发放\"}", jsonHeaders()),
                JsonNode.class);
        assertThat(ended.getStatusCode().value()).as(String.valueOf(ended.getBody())).isEqualTo(200);
        assertThat(ended.getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/entitlements/" + hers.getId() + "/decision",
                new HttpEntity<>("{\"decision\": \"END\", \"reason\": \"again\"}", jsonHeaders()), JsonNode.class)
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aChunkThatFailedEveryRetryIsShownToTheOfficerAndTheRunGoesOnOnceAnOperatorRetriesIt() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);
        at("2019-06-10T10:00:00");
        String reference = driver.submit(couple, couple.openEndedClaim("2019-06"));
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(payments, mapper, management, users);

        // August: the run prepares its chunks; the chunk's job fails every retry (an incident)
        at("2019-08-01T09:00:00");
        Payments.RunView started = payments.startRun(users.current("payment"));
        String process = mapper.findRun(started.id()).getProcessInstanceId();
        management.createJobQuery().processInstanceId(process).executable().list().forEach(j -> management.executeJob(j.getId()));
        List<org.camunda.bpm.engine.runtime.Job> chunkJobs = new ArrayList<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(
                        cn.huiyisheng.processes.payment.PaymentProcess.chunkKeyPrefix(started.id()) + "%").list()
                .forEach(p -> chunkJobs.addAll(management.createJobQuery().processInstanceId(p.getId()).list()));
        assertThat(chunkJobs).isNotEmpty();
        chunkJobs.forEach(j -> management.setJobRetries(j.getId(), 0));
        try {
            stuckRunIsShownAndGoesOnWhenRetried(started.id(), process, chunkJobs);
        } finally {
            // whatever failed above, the run is finished: the other tests start runs of their own
            chunkJobs.forEach(j -> {
                if (management.createJobQuery().jobId(j.getId()).count() > 0) {
                    management.setJobRetries(j.getId(), 1);
                }
            });
            cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(payments, mapper, management, users);
        }
    }

    private void stuckRunIsShownAndGoesOnWhenRetried(long runId, String process, List<org.camunda.bpm.engine.runtime.Job> chunkJobs)
            throws Exception {
        Payments.RunView started = payments.runView(runId);
        Payments.RunView stuck = payments.runView(started.id());
        assertThat(stuck.status()).isEqualTo("STARTED");
        assertThat(stuck.determining().chunksFailed()).isEqualTo(chunkJobs.size());
        assertThat(stuck.determining().chunksDone()).isZero();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inbox/payments")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("payment")
                                .roles("PAYMENT_OFFICER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"chunks-failed\"").contains("有 " + chunkJobs.size() + " 个分块多次重试仍未完成")
                .contains("正在核定到期月份：已完成 0 / ");
        // what the page polls every 3 s: the progress alone
        org.springframework.mock.web.MockHttpServletResponse polled = progress();
        assertThat(polled.getContentAsString(StandardCharsets.UTF_8)).contains("有 " + chunkJobs.size() + " 个分块多次重试仍未完成")
                .contains("正在核定到期月份：已完成 0 / ").doesNotContain("<html").doesNotContain("最近批次");
        assertThat(polled.getHeader("HX-Refresh")).isNull();

        // an operator retries it (Cockpit's "increment retries"): the run determines, collects and writes its files
        chunkJobs.forEach(j -> management.setJobRetries(j.getId(), 1));
        Jobs.runDue(management, process);
        Payments.RunView done = payments.runView(started.id());
        assertThat(done.status()).isEqualTo("FILES_WRITTEN");
        assertThat(done.determining().chunksFailed()).isZero();
        assertThat(done.determining().chunksDone()).isEqualTo(done.determining().chunksTotal());
        // the determination is over: the polling page reloads to show the run's files
        org.springframework.mock.web.MockHttpServletResponse over = progress();
        assertThat(over.getHeader("HX-Refresh")).isEqualTo("true");
        assertThat(over.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("正在核定");
    }

    private org.springframework.mock.web.MockHttpServletResponse progress() throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inbox/payments/progress")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("payment")
                                .roles("PAYMENT_OFFICER")))
                .andReturn().getResponse();
    }

    static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void anUnconfirmedRecipientIsSuspendedAfterTheGracePeriodAndPaidTheMonthsItWaitedOnConfirming() throws Exception {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, taskService);
        at("2017-01-10T10:00:00");
        String reference = driver.submit(couple, couple.openEndedClaim("2017-01"));
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        long claimId = claims.findByReference(reference).getId();
        assertThat(recurring.ofClaim(claimId)).allSatisfy(e -> assertThat(e.getConfirmationDue()).hasToString("2018-01-10"));

        // March 2018: the confirmation was due in January; within the 90 days' grace the months are paid, and a reminder is given
        assertThat(paymentRunAt("2018-03-01T09:00:00", reference)).hasSize(30);
        // May: still unconfirmed after the grace period: suspended, not ended; nothing paid
        assertThat(paymentRunAt("2018-05-01T09:00:00", reference)).isEmpty();
        assertThat(recurring.ofClaim(claimId)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getStatus()).isEqualTo("SUSPENDED");
            assertThat(e.getDeterminedThrough()).isEqualTo("2018-03");
        });
        assertThat(paymentRunAt("2018-06-01T09:00:00", reference)).isEmpty();

        // the couple confirm in June: the entitlements go on, and July's run pays April to July
        at("2018-06-15T10:00:00");
        ResponseEntity<JsonNode> confirmed = http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/claims/" + reference
                + "/confirmations", new HttpEntity<>("{\"how\": \"视频认证\"}", jsonHeaders()), JsonNode.class);
        assertThat(confirmed.getStatusCode().value()).as(String.valueOf(confirmed.getBody())).isEqualTo(201);
        assertThat(confirmed.getBody().get("resumed").asInt()).isEqualTo(2);
        assertThat(confirmed.getBody().get("nextDue").asText()).isEqualTo("2019-06-15");
        assertThat(paymentRunAt("2018-07-01T09:00:00", reference)).hasSize(8)
                .extracting(l -> l.split(" ")[1]).containsOnly("2018-04", "2018-05", "2018-06", "2018-07");
        JsonNode timeline = driver.claim(couple, reference).get("timeline");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).filteredOn("CONFIRMATION_DUE"::equals).hasSize(2);
        assertThat(types).filteredOn("SUSPENDED"::equals).hasSize(2);
        assertThat(types).filteredOn("CONFIRMED"::equals).hasSize(1);
        // a confirmation needs to say how it was given
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/claims/" + reference + "/confirmations",
                new HttpEntity<>("{}", jsonHeaders()), JsonNode.class).getStatusCode().value()).isEqualTo(400);
    }
}
