package cn.huiyisheng.app.browser;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages in a real browser, as their users meet them, in Chinese first and in English:
 * each seen at 1280 × 800 and 390 × 844 (a phone) with nothing to scroll sideways, each checked
 * by axe-core (no critical or serious violation), each saved as a screenshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;
    @Autowired
    cn.huiyisheng.app.payments.Payments paymentService;
    @Autowired
    cn.huiyisheng.app.payments.persistence.PaymentMapper paymentMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Searches the task list for this text and waits for htmx to put the results in place. */
    private static void search(Browser b, String text, String expected) {
        org.openqa.selenium.WebElement before = b.find("#results");
        b.find("#q").clear();
        b.find("#q").sendKeys(text);
        b.find("form.filters button[type=submit]").click();
        // the old results may already hold the row: wait for htmx to replace them, then for the row
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        wait.until(d -> d.findElement(By.id("results")).getText().contains(expected));
    }

    @BeforeAll
    static void chromium() {
        Browser.assumeAvailable();
    }

    @Test
    void theChecksThemselvesFindAnUnlabelledControlAndASidewaysScroll() {
        try (Browser b = Browser.open(port)) {
            b.driver().get("data:text/html;charset=utf-8,<html lang=en><title>probe</title><main><h1>probe</h1>"
                    + "<input type=file><div style='width:2000px'>wide</div></main></html>");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.assertAccessible("probe"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("label");
            b.size(Browser.PHONE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.assertNoSidewaysScroll("probe"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("scrollWidth");
        }
    }

    @Test
    void theSignInPageIsOursInChineseAndEnglishAndAFailedSignInIsSummarisedAtTheTop() {
        People.Couple someone = People.couple(users);
        try (Browser b = Browser.open(port)) {
            b.go("/login");
            assertThat(b.h1()).isEqualTo("登录");
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(b.find("label[for=username]").getText()).isEqualTo("用户名");
            assertThat(b.text()).doesNotContain("Please sign in");
            b.check("login-zh");

            b.find("#username").sendKeys(someone.username());
            b.find("#password").sendKeys("not-the-password");
            b.find("form.card button[type=submit]").click();
            assertThat(b.waitFor(".error-summary").getText()).contains("登录未成功").contains("用户名或密码不正确");
            assertThat(b.find(".error-summary a").getAttribute("href")).endsWith("#username");
            b.check("login-failed-zh");

            b.driver().findElement(By.linkText("English")).click();
            b.waitFor("html[lang=en]");
            assertThat(b.h1()).isEqualTo("Sign in");
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(b.find("label[for=password]").getText()).isEqualTo("Password");
            b.check("login-en");
        }
    }

    @Test
    void errorsArePagesInTheUsersLanguageNeverJsonOrWhitelabel() {
        try (Browser b = Browser.open(port)) {
            b.signIn("reviewer", "reviewer");
            b.go("/inbox/tasks/no-such-task");
            assertThat(b.h1()).isEqualTo("页面不存在");
            assertThat(b.text()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
            b.check("error-404-zh");

            b.go("/inbox/payments");
            assertThat(b.h1()).isEqualTo("无权访问");
            b.check("error-403-zh");

            b.go("/no/such/page?lang=en");
            assertThat(b.h1()).isEqualTo("Page not found");
            b.check("error-404-en");

            b.go("/home");
            assertThat(b.driver().getCurrentUrl()).endsWith("/inbox");
        }
    }

    @Test
    void aReviewerDecidesAClaimInTheBrowserInChineseAndInEnglish() {
        for (String lang : new String[]{"zh", "en"}) {
            String name = People.newWomanName();
            People.Couple couple = People.coupleNamed(users, name);
            String reference = new ClaimDriver(http, runtime, management, tasks).submit(couple, couple.smallClaim());
            Jobs.runDueOfClaim(runtime, management, reference);
            try (Browser b = Browser.open(port)) {
                b.go("/login" + (lang.equals("en") ? "?lang=en" : ""));
                b.signIn("reviewer", "reviewer");
                assertThat(b.h1()).isEqualTo(lang.equals("en") ? "Tasks" : "待办任务");
                // the reviewer finds the claim by the applicant's name (htmx swaps the results in place)
                search(b, name, reference);
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                        .until(d -> d.getCurrentUrl().contains("q="));
                assertThat(b.driver().getCurrentUrl()).as("the search is in the address, to share or go back to").contains("q=");
                assertThat(b.find("#results").getText()).contains(lang.equals("en") ? "1 found" : "共 1 条")
                        .doesNotContain(name);
                // the review's due date (10 working days, when the process escalates it) is on the row
                String row = b.driver().findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]")).getText();
                // who and what, masked, on the row
                assertThat(row).contains("李*").contains(lang.equals("en") ? "Special support" : "计划生育家庭特别扶助");
                java.util.Date due = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getDueDate();
                assertThat(due).isNotNull();
                assertThat(row).contains(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(due.toInstant()
                        .atZone(java.time.ZoneId.of("Asia/Shanghai")))).doesNotContain(lang.equals("en") ? "overdue" : "已超期");
                b.check("tasks-" + lang);

                b.driver().findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
                b.waitFor("form[action$='/decide']");
                assertThat(b.h1()).isEqualTo(lang.equals("en") ? "Review a claim" : "审核申请");
                String page = b.text();
                // who and what it is for, masked: 李梅 as 李*, her resident ID as its first three and last characters
                assertThat(page).contains(reference).contains("李*").contains(couple.applicantId().substring(0, 3) + "**************"
                        + couple.applicantId().substring(17)).doesNotContain(couple.applicantId()).contains("福田区").contains("¥680.00");
                if (lang.equals("zh")) {
                    assertThat(page).contains("申请人与家庭").contains("审核中").contains("计划生育家庭特别扶助").contains("提交申请")
                            .contains("城镇户籍").contains("2005-07-15去世");
                } else {
                    assertThat(page).contains("Applicant and household").contains("In review").contains("Special support")
                            .contains("Claim submitted").contains("urban hukou");
                }
                // no code names of statuses, events, benefits or subjects on the page
                assertThat(page).doesNotContain("IN_REVIEW").doesNotContain("SUBMITTED").doesNotContain("EVALUATED")
                        .doesNotContain("URBAN_HUKOU").doesNotContain("applicant:");
                b.check("task-" + lang);

                b.find("input[name=decision][value=APPROVE]").click();
                b.find("form[action$='/decide'] button[type=submit]").click();
                assertThat(b.flash(reference)).contains(reference);
                b.check("decided-" + lang);
            }
        }
    }

    @Test
    void thePaymentOfficersPageWorksAtBothSizes() throws java.io.IOException {
        cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, paymentMapper, management, users);
        // an approved claim: the run has payments to make
        ClaimDriver claims = new ClaimDriver(http, runtime, management, tasks);
        People.Couple couple = People.couple(users);
        String reference = claims.submit(couple, couple.smallClaim());
        claims.runJobs(reference);
        claims.approve("reviewer", reference);
        claims.runJobs(reference);
        try (Browser b = Browser.open(port)) {
            b.signIn("payment", "payment");
            b.go("/inbox/payments");
            assertThat(b.h1()).isEqualTo("支付批次");
            assertThat(b.text()).contains("现在发起批次将发放");
            b.check("payments-zh");
            // the run starts only once the officer confirms what it will pay
            b.find("input[name=confirm]").click();
            b.find("form[action$='/payments/start'] button[type=submit]").click();
            assertThat(b.flash("已发起")).contains("已发起");
            // while it is in progress no other run can start, and the page says which and why
            assertThat(b.find("#in-progress").getText()).contains("尚未完成").contains("请先导入其回盘文件");
            assertThat(b.all("form[action$='/payments/start']")).isEmpty();
            b.check("payments-started-zh");
            // once its bank files are written, a wrong return file is refused and summarised at the top
            long run = paymentMapper.findRunsInProgress().get(0).getId();
            Jobs.runDue(management, paymentMapper.findRun(run).getProcessInstanceId());
            assertThat(paymentMapper.findRun(run).getStatus()).isEqualTo("FILES_WRITTEN");
            {
                b.go("/inbox/payments");
                java.nio.file.Path wrong = java.nio.file.Files.createTempFile("return", ".csv");
                java.nio.file.Files.writeString(wrong, "reference,status,reason\nHYS-P-1x,PAID,\n");
                b.find("#return-" + run).sendKeys(wrong.toAbsolutePath().toString());
                b.find("form[action$='/" + run + "/return-file'] button[type=submit]").click();
                assertThat(b.waitFor("#return-problems").getText()).contains("回盘文件未导入").contains("第2行")
                        .contains("下载全部错误清单");
                b.check("payments-return-refused-zh");
            }
            // once reconciled, the runs' outcome is drawn (and said in words for those who do not see it)
            cn.huiyisheng.app.fixtures.PaymentRuns.finishInProgress(paymentService, paymentMapper, management, users);
            b.go("/inbox/payments");
            assertThat(b.waitFor("#runs-chart svg")).isNotNull();
            // and in the table: the reconciled run's outcome, which the list of runs once left out
            assertThat(b.text()).contains("已付");
            assertThat(b.find("#runs-chart").getAttribute("aria-label")).startsWith("最近").contains("已发放¥");
            b.check("payments-chart-zh");
            b.signOut();
            assertThat(b.flash("您已安全退出。")).isEqualTo("您已安全退出。");
            b.check("signed-out-zh");
        }
    }

    @Test
    void theSupervisorsFourEyesAndTheAdministratorsBlockedClaims() {
        // "supervisor" is the only supervisor for this test (other tests' are set aside)
        java.util.List<String> others = jdbc.queryForList("SELECT username FROM app_user WHERE enabled = TRUE AND roles LIKE"
                + " '%SUPERVISOR%' AND username <> 'supervisor'", String.class);
        others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", u));
        try {
            String name = People.newWomanName();
            People.Couple couple = People.coupleNamed(users, name);
            String reference = new ClaimDriver(http, runtime, management, tasks).submit(couple, couple.claim());
            Jobs.runDueOfClaim(runtime, management, reference);
            try (Browser b = Browser.open(port)) {
                b.signIn("supervisor", "supervisor");
                search(b, name, reference);
                b.driver().findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
                b.waitFor("form[action$='/decide']");
                assertThat(b.text()).contains("需要复核：总金额超过¥5,000.00");
                b.find("input[name=decision][value=APPROVE]").click();
                b.find("form[action$='/decide'] button[type=submit]").click();
                assertThat(b.flash(reference)).contains(reference);
                Jobs.runDueOfClaim(runtime, management, reference);
                // four eyes: the second approval is not offered to the supervisor who reviewed it
                search(b, name, "没有符合条件的任务");
                b.check("four-eyes-zh");
                b.signOut();

                // nobody else may give it: the administrator sees the claim blocked, and why
                b.signIn("admin", "admin");
                assertThat(b.h1()).isEqualTo("无人可复核的申请");
                assertThat(b.text()).contains(reference).contains("所有在职科长均为本申请的审核人（supervisor）");
                b.check("blocked-zh");
                b.signOut();

                // a second supervisor of another household takes it and approves
                String second = "sv-" + java.util.UUID.randomUUID().toString().substring(0, 8);
                People.account(users, second, People.newId(java.time.LocalDate.of(1979, 9, 9), true), "陈科",
                        java.util.Set.of(cn.huiyisheng.app.identity.Role.SUPERVISOR));
                b.signIn(second, second);
                search(b, name, reference);
                assertThat(b.find("#results").getText()).contains("复核");
                b.driver().findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
                b.waitFor("form[action$='/decide']");
                b.find("input[name=decision][value=APPROVE]").click();
                b.find("form[action$='/decide'] button[type=submit]").click();
                assertThat(b.flash(reference)).contains(reference);
                Jobs.runDueOfClaim(runtime, management, reference);
                b.go("/inbox?tab=DONE&q=" + reference);
                assertThat(b.find("#results").getText()).contains(reference).contains("批准");
                b.check("done-zh");
            }
        } finally {
            others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = ?", u));
        }
    }
}
