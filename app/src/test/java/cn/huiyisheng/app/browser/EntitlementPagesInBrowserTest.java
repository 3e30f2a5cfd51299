package cn.huiyisheng.app.browser;

import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.PaymentRuns;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.payments.Payments;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.policy.OwnDatabase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewers' entitlement pages and the payment officer's run summary (issue 10 §6) in a real
 * browser, in Chinese and English, at desktop and phone sizes: what the monthly runs left for a
 * person to decide (a held entitlement, overpayments after a death), each standing entitlement's
 * months with their versions and the household's life events, and the decisions made there.
 * Lived on the engine's clock in a database of its own (its records are of 2016).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntitlementPagesInBrowserTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        OwnDatabase.register(registry, "_entpages", "entpages");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;
    @Autowired
    Payments payments;
    @Autowired
    PaymentMapper mapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @BeforeAll
    static void chromium() {
        Browser.assumeAvailable();
    }

    @Autowired
    cn.huiyisheng.app.determinations.SealedDeterminations sealer;

    @AfterEach
    void realTime() {
        // the records made on this clock are sealed on it: the sealer looks a minute behind its newest seal (or behind
        // now, on a clock set back), and a record stamped on a clock since set forward would be left in no seal
        sealer.seal();
        ClockUtil.reset();
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    private void lifeEvent(String reference, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("reviewer", "reviewer").postForEntity("/api/claims/" + reference + "/life-events",
                new HttpEntity<>(body, headers), String.class).getStatusCode().value()).isEqualTo(201);
    }

    /** A date input's value, as the browser's date picker would set it (whatever the browser's locale shows). */
    private static void setDate(Browser b, String css, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1]", b.find(css), isoDate);
    }

    /** The table row of this page that holds all these texts. */
    private static String row(Browser b, String... texts) {
        StringBuilder xpath = new StringBuilder("//tr");
        for (String t : texts) {
            xpath.append("[contains(., '").append(t).append("')]");
        }
        return b.driver().findElement(By.xpath(xpath.toString())).getText();
    }

    @Test
    void aReviewerDecidesTheHeldEntitlementAndTheOverpaymentsAPaymentRunLeftAndTheOfficerSeesWhatARunPaid() {
        // a bereaved couple's special support from January 2016, paid through April; the husband died in February
        // (two months overpaid), the wife's registration moved out in June (the August run pays her May and June, and holds the rest)
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        at("2016-01-10T10:00:00");
        String reference = driver.submit(couple, couple.openEndedClaim("2016-01"));
        driver.approve("reviewer", reference);
        driver.runJobs(reference);
        at("2016-04-01T09:00:00");
        PaymentRuns.runAndReconcile(payments, mapper, management, users);
        at("2016-04-20T10:00:00");
        lifeEvent(reference, """
                {"kind": "DEATH", "subject": "spouse", "date": "2016-02-15", "evidence": "死亡证明 No. 4403042016000123"}""");
        at("2016-07-10T10:00:00");
        lifeEvent(reference, """
                {"kind": "MOVED_OUT", "subject": "applicant", "date": "2016-06-20", "evidence": "户口迁移证 No. 2016-0815"}""");
        at("2016-08-01T09:00:00");
        PaymentRuns.runAndReconcile(payments, mapper, management, users);
        at("2016-08-02T10:00:00");

        try (Browser b = Browser.open(port)) {
            // the wife reports in the portal that they adopted a girl: kept for a reviewer, nothing changes by itself
            b.signIn(couple.username(), couple.password());
            b.go("/my/claims/" + reference);
            new org.openqa.selenium.support.ui.Select(b.find("#change-kind")).selectByValue("ADOPTION");
            setDate(b, "#change-date", "2016-08-01");
            b.find("#change-note").sendKeys("我们收养了一个女孩王小雨，收养登记证 No. 2016-0099");
            b.find("form[action$='/changes'] button[type=submit]").click();
            assertThat(b.flash("已收到您的报告")).contains("工作人员核实后会处理");
            assertThat(b.find("ul.reports").getText()).contains("收养子女 · 2016-08-01 · 待核实");
            b.check("portal-change-reported-zh");
            b.signOut();

            // the payment officer: each run says what it paid as months due and as top-ups, and what waits for a reviewer
            b.signIn("payment", "payment");
            b.go("/inbox/payments");
            assertThat(b.text()).contains("按月发放 8 笔").contains("按月发放 2 笔").contains("补发 0 笔").contains("另有 1 项长期待遇因变化待审核");
            b.check("payments-held-zh");
            // nor can the officer open the reviewers' pages
            b.go("/inbox/entitlements");
            assertThat(b.h1()).isNotEqualTo("待遇变化与多发待遇");
            assertThat(b.h1()).isEqualTo("无权访问");
            b.signOut();

            b.signIn("reviewer", "reviewer");
            b.find("header nav a[href$='/inbox/entitlements']").click();
            assertThat(b.h1()).isEqualTo("待遇变化与多发待遇");
            assertThat(row(b, reference, "申请人")).contains("计划生育家庭特别扶助").contains("不再符合条件").contains("2016-07");
            assertThat(row(b, reference, "2016-03")).contains("配偶").contains("¥").contains("家庭情况变化").doesNotContain("EVENT-");
            assertThat(row(b, reference, "收养子女")).contains("2016-08-01").contains("王小雨");
            assertThat(b.all("tr")).filteredOn(r -> r.getText().contains(reference) && r.getText().contains("配偶")).hasSize(2);
            b.check("entitlements-zh");

            // the March overpayment is waived, from the list, with a reason
            String march = "//tr[contains(., '" + reference + "') and contains(., '2016-03')]";
            b.driver().findElement(By.xpath(march + "//input[@value='WAIVE']")).click();
            b.driver().findElement(By.xpath(march + "//textarea")).sendKeys("家属生活困难，免予追回");
            b.driver().findElement(By.xpath(march + "//button")).click();
            assertThat(b.flash("已决定免予追回。")).isEqualTo("已决定免予追回。");
            assertThat(b.all("tr")).filteredOn(r -> r.getText().contains(reference) && r.getText().contains("配偶")).hasSize(1);

            // the wife's held entitlement: its months with the versions that decided them, the household's events
            b.driver().findElement(By.xpath("//tr[contains(., '" + reference + "') and contains(., '申请人')]//a")).click();
            b.waitFor("form[action$='/decide']");
            assertThat(b.h1()).isEqualTo("长期待遇");
            String page = b.text();
            assertThat(page).contains(reference).contains("暂停发放，待审核").contains("不再符合条件").contains("2016-01")
                    .contains("SPECIAL_SUPPORT-v").contains("已发放").contains("受益人去世").contains("户籍迁出本市")
                    .contains("户口迁移证 No. 2016-0815").contains("死亡证明 No. ************0123").doesNotContain("4403042016000123")
                    .doesNotContain(couple.applicantId()).doesNotContain("HELD");
            assertThat(b.all("table[aria-labelledby=months-heading] tr")).hasSize(1 + 6); // January to June: from July on held
            b.check("entitlement-held-zh");
            // the reason in the reader's language
            b.go("/inbox/entitlements?lang=en");
            assertThat(row(b, reference, "Applicant")).contains("No longer eligible (from 2016-07)").doesNotContain("不再符合条件");
            b.go("/inbox/entitlements?lang=zh_CN");
            b.driver().findElement(By.xpath("//tr[contains(., '" + reference + "') and contains(., '申请人')]//a")).click();
            b.waitFor("form[action$='/decide']");
            b.find("input[name=decision][value=END]").click();
            b.find("#reason").sendKeys("已核实户籍迁出本市，终止发放");
            b.find("form[action$='/decide'] button[type=submit]").click();
            assertThat(b.flash("已决定终止发放。")).isEqualTo("已决定终止发放。");
            assertThat(b.text()).contains("没有等待审核的待遇变化。");

            // in English: the husband's entitlement, ended by his death, and the April overpayment decided on its page
            b.go("/inbox/entitlements?lang=en");
            assertThat(b.h1()).isEqualTo("Entitlement changes and overpayments");
            b.driver().findElement(By.xpath("//tr[contains(., '" + reference + "') and contains(., '2016-04')]//a")).click();
            b.waitFor("form[action*='/overpayments/']");
            assertThat(b.h1()).isEqualTo("Standing entitlement");
            assertThat(b.text()).contains("Ended").contains("Spouse").contains("Overpayment").contains("Waived").contains("To decide")
                    .contains("2016-02 · The recipient died on 2016-02-15").doesNotContain("去世").doesNotContain("Yearly confirmation due");
            b.check("entitlement-ended-en");
            b.find("input[name=decision][value=RECOVER]").click();
            b.find("form[action*='/overpayments/'] textarea").sendKeys("Family asked to return April's payment");
            b.find("form[action*='/overpayments/'] button[type=submit]").click();
            assertThat(b.flash("Its recovery from later payments is scheduled.")).isEqualTo("Its recovery from later payments is scheduled.");
            assertThat(b.h1()).isEqualTo("Standing entitlement");
            assertThat(b.text()).contains("Being recovered from later payments").contains("¥0.00 recovered, ¥").contains(" to go").doesNotContain("To decide");
            b.check("entitlement-decided-en");

            // a change recorded from the page: refused when it cannot apply (no certificate to revoke), nothing recorded;
            // then an adoption, told in the notice and listed with the household's events
            int events = b.all("table[aria-labelledby=events-heading] tr").size();
            new org.openqa.selenium.support.ui.Select(b.find("#ev-kind")).selectByValue("CERTIFICATE_REVOKED");
            setDate(b, "#ev-date", "2016-08-01");
            b.find("#ev-evidence").sendKeys("注销通知 No. 2016-77");
            b.find("form.life-event button[type=submit]").click();
            assertThat(b.waitFor(".notice.error").getText()).contains("no certificate to revoke");
            assertThat(b.all("table[aria-labelledby=events-heading] tr")).hasSize(events);
            new org.openqa.selenium.support.ui.Select(b.find("#ev-kind")).selectByValue("ADOPTION");
            setDate(b, "#ev-date", "2016-08-01");
            b.find("#ev-evidence").sendKeys("收养登记证 No. 2016-0099");
            b.find("form.life-event details summary").click();
            b.find("#ev-child-name").sendKeys("王小雨");
            new org.openqa.selenium.support.ui.Select(b.find("#ev-child-sex")).selectByValue("FEMALE");
            setDate(b, "#ev-child-birth", "2010-01-15");
            b.find("form.life-event button[type=submit]").click();
            assertThat(b.flash("Recorded:")).startsWith("Recorded:");
            assertThat(b.all("table[aria-labelledby=events-heading] tr")).hasSize(events + 1);
            assertThat(b.find("table[aria-labelledby=events-heading]").getText()).contains("Child adopted");
            b.check("entitlement-life-event-en");
            // the report it answers is marked handled, once
            b.go("/inbox/entitlements?lang=en");
            b.driver().findElement(By.xpath("//tr[contains(., '" + reference + "') and contains(., 'Child adopted')]//button")).click();
            assertThat(b.flash("Marked as handled.")).isEqualTo("Marked as handled.");
            assertThat(b.text()).contains("No reported change waits to be checked.");
        }
    }
}
