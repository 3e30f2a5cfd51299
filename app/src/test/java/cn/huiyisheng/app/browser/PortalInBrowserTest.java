package cn.huiyisheng.app.browser;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's calculator in Chromium (issue 11 §1, §5): no sign-in, one question a page, on a
 * phone (390 × 844) and a desktop, axe-core on every page. A bereaved mother finds her family's
 * special support and its amount in Chinese; a younger mother, in English, is told the one
 * condition she does not meet yet and from which month she will; a wrong date is shown at the top
 * and at its field, and the keyboard reaches it from the summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalInBrowserTest {

    /** A database of its own: the claims here are approved and paid by a run of their own. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        cn.huiyisheng.app.policy.OwnDatabase.register(registry, "_portal", "portal");
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @org.springframework.beans.factory.annotation.Autowired
    cn.huiyisheng.app.identity.Users users;
    @org.springframework.beans.factory.annotation.Autowired
    cn.huiyisheng.app.notifications.SmsRelay relay;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    cn.huiyisheng.app.payments.Payments payments;
    @org.springframework.beans.factory.annotation.Autowired
    cn.huiyisheng.app.payments.persistence.PaymentMapper paymentMapper;

    @BeforeAll
    static void chromium() {
        Browser.assumeAvailable();
    }

    @BeforeEach
    void december2026() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-07T10:00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
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

    private static void radio(Browser b, String name, String value) {
        b.find("input[name='" + name + "'][value='" + value + "']").click();
    }

    private static void date(Browser b, String field, String y, String m, String d) {
        b.find("#" + field + "Y").clear();
        b.find("#" + field + "Y").sendKeys(y);
        b.find("#" + field + "M").clear();
        b.find("#" + field + "M").sendKeys(m);
        b.find("#" + field + "D").clear();
        b.find("#" + field + "D").sendKeys(d);
    }

    /** The computed font size of the page's main text, in pixels. */
    private static double fontSize(Browser b) {
        return Double.parseDouble(String.valueOf(((org.openqa.selenium.JavascriptExecutor) b.driver())
                .executeScript("return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")));
    }

    /** Fetches a URL in the signed-in browser: its status, content disposition, content security policy and first bytes. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> fetch(Browser b, String url) {
        return (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status,"
                        + " disposition: r.headers.get('content-disposition'), csp: r.headers.get('content-security-policy'),"
                        + " body: (await r.text()).substring(0, 8)})).catch(e => done({error: String(e)}));", url);
    }

    /**
     * The rest of the check for 李梅's household, from the registration on: urban hukou, her husband born
     * 1960-05-12, their only son born 1985-04-01 who died on 2005-07-15; on to the answers page.
     */
    private static void bereavedCoupleFromRegistration(Browser b) {
        radio(b, "registration", "URBAN_HUKOU");
        next(b);
        radio(b, "spouse", "yes");
        date(b, "spouseBirth", "1960", "5", "12");
        next(b);
        radio(b, "children", "ONE");
        radio(b, "withinPolicy", "yes");
        next(b);
        radio(b, "child1Sex", "MALE");
        date(b, "child1Birth", "1985", "4", "1");
        next(b);
        radio(b, "childStatus", "DIED");
        date(b, "lossDate", "2005", "7", "15");
        next(b);
    }

    private static void next(Browser b) {
        nav(b, b.find("main form button[type=submit]"));
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    private static void nav(Browser b, org.openqa.selenium.WebElement target) {
        b.nav(target);
    }

    @Test
    void aBereavedMotherFindsHerFamilysSpecialSupportOnHerPhoneWithoutSigningIn() {
        try (Browser b = Browser.open(port)) {
            b.go("/");
            assertThat(b.h1()).isEqualTo("惠一生：计划生育家庭待遇查询");
            b.check("portal-start-zh");
            // nothing chosen: told so, at the top and at the question
            nav(b, b.find("button.start"));
            assertThat(b.find(".error-summary").getText()).contains("请至少选择一种情况");
            b.check("portal-start-error-zh");
            b.find("#situation-CHILD_LOST").click();
            nav(b, b.find("button.start"));

            assertThat(b.h1()).isEqualTo("关于您");
            assertThat(b.text()).contains("第 1 步，共 6 步");
            radio(b, "sex", "FEMALE");
            date(b, "birth", "1958", "2", "30");
            next(b);
            assertThat(b.find(".error-summary").getText()).contains("请填写真实存在的日期");
            b.check("portal-question-error-zh");
            b.find(".error-summary a").click();
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("birthY");
            date(b, "birth", "1958", "3", "20");
            next(b);

            assertThat(b.h1()).isEqualTo("您的户籍或居住证");
            b.check("portal-question-zh");
            bereavedCoupleFromRegistration(b);

            assertThat(b.h1()).isEqualTo("请核对您的回答");
            assertThat(b.text()).contains("1958年3月20日").contains("已去世");
            b.check("portal-answers-zh");
            nav(b, b.find("a.button"));

            assertThat(b.h1()).isEqualTo("查询结果");
            String special = b.find("#benefit-SPECIAL_SUPPORT").getText();
            assertThat(special).contains("符合条件").contains("您：¥340.00 每月").contains("配偶：¥340.00 每月")
                    .contains("国家扶助制度资金");
            assertThat(b.find("#benefit-HARDSHIP_FAMILY_SUPPORT").getText()).contains("全家：¥6,000.00 每年");
            b.check("portal-result-zh");
            // 长辈版: larger type, remembered on the next page
            double standard = fontSize(b);
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("长辈版（大字）")));
            assertThat(b.find("html").getAttribute("class")).contains("elder");
            assertThat(fontSize(b)).isGreaterThanOrEqualTo(standard * 1.2);
            b.check("portal-result-elder-zh");
            b.go("/");
            assertThat(b.find("html").getAttribute("class")).contains("elder");
            b.check("portal-start-elder-zh");
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("标准版")));
            assertThat(b.find("html").getAttribute("class")).doesNotContain("elder");
        }
    }

    @Test
    void aYoungerMotherIsToldInEnglishWhatSheLacksAndFromWhichMonthSheWillBeEntitled() {
        try (Browser b = Browser.open(port)) {
            b.go("/?lang=en");
            assertThat(b.h1()).isEqualTo("Huiyisheng: what your family can get");
            b.find("#situation-CHILD_LOST").click();
            nav(b, b.find("button.start"));
            radio(b, "sex", "FEMALE");
            date(b, "birth", "1980", "6", "15");
            next(b);
            radio(b, "registration", "URBAN_HUKOU");
            next(b);
            radio(b, "spouse", "no");
            next(b);
            radio(b, "children", "ONE");
            radio(b, "withinPolicy", "yes");
            next(b);
            radio(b, "child1Sex", "FEMALE");
            date(b, "child1Birth", "2002", "1", "1");
            next(b);
            radio(b, "childStatus", "DIED");
            date(b, "lossDate", "2020", "5", "1");
            next(b);
            b.check("portal-answers-en");
            nav(b, b.find("a.button"));

            assertThat(b.h1()).isEqualTo("Your result");
            String special = b.find("#benefit-SPECIAL_SUPPORT").getText();
            assertThat(special).contains("Not eligible yet").contains("Expected from 7/2029").doesNotContain("¥");
            b.check("portal-result-en");
        }
    }

    @Test
    void anApplicantFollowsHerClaimAnswersARequestForInformationAndAppealsARefusal() throws Exception {
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        cn.huiyisheng.app.fixtures.ClaimDriver driver = new cn.huiyisheng.app.fixtures.ClaimDriver(http, runtime, management, tasks);
        String reference = driver.submit(couple, couple.smallClaim());
        try (Browser b = Browser.open(port)) {
            // the reviewer asks for the child's death certificate, naming it among the documents
            b.signIn("reviewer", "reviewer");
            b.go("/inbox/tasks/" + driver.task(reference));
            b.waitFor("form[action$='/decide']");
            b.find("input[name=decision][value=REQUEST_INFO]").click();
            b.find("#reason").sendKeys("请补充独生子女死亡证明");
            b.find("input[name=document][value=DEATH_CERTIFICATE]").click();
            nav(b, b.find("form[action$='/decide'] button[type=submit]"));
            b.waitFor(".notice.flash");
            b.signOut();
        }
        driver.runJobs(reference);
        try (Browser b = Browser.open(port)) {
            b.signIn(couple.username(), couple.password());
            // signed in, an applicant lands on her claims; she has a message (the request), unread
            assertThat(b.h1()).isEqualTo("我的申请");
            assertThat(b.find("#nav-messages").getText()).isEqualTo("消息（1 条未读）");
            b.check("portal-my-zh");
            nav(b, b.find("#nav-messages"));
            assertThat(b.waitFor("ul.messages").getText()).contains("您的申请 " + reference + " 需要补充材料");
            b.check("portal-messages-zh");
            b.go("/my");
            assertThat(b.find("#nav-messages").getText()).isEqualTo("消息");
            // the SMS channel's outbox: sent once (the relay marks each message before it sends it)
            relay.relay(10_000);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE username = ? AND sms_sent_at IS NULL", Integer.class,
                    couple.username())).isZero();
            nav(b, b.driver().findElement(org.openqa.selenium.By.partialLinkText(reference)));
            assertThat(b.find("#status").getText()).isEqualTo("待补充材料");
            assertThat(b.find("ol.steps li[aria-current=step]").getText()).contains("补充材料").contains("请在 2027年1月6日 前补充");
            assertThat(b.text()).contains("请补充独生子女死亡证明").contains("需要提供的材料：子女死亡证明");
            b.check("portal-claim-info-zh");
            // an empty answer is refused, and nothing is sent
            nav(b, b.find("form[action$='/information'] button"));
            assertThat(b.find(".notice.error").getText()).contains("请填写您的答复");
            assertThat(b.find("#status").getText()).isEqualTo("待补充材料");
            b.find("#note").sendKeys("死亡证明复印件已交社区工作站，并附上照片");
            new org.openqa.selenium.support.ui.Select(b.find("#kind")).selectByVisibleText("子女死亡证明");
            java.nio.file.Path png = java.nio.file.Files.createTempFile("certificate", ".png");
            java.nio.file.Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});
            b.find("#file").sendKeys(png.toString());
            nav(b, b.find("form[action$='/information'] button"));
            assertThat(b.flash("您的答复已提交，审核人员会继续办理。")).contains("已提交");
            java.nio.file.Files.deleteIfExists(png);
            assertThat(b.find("#status").getText()).isEqualTo("已补充材料");
            assertThat(b.text()).contains("死亡证明复印件已交社区工作站");
            assertThat(b.find("ul.documents").getText()).contains("子女死亡证明").contains(".png");
        }
        // the reviewer refuses; she appeals in English
        driver.runJobs(reference);
        assertThat(driver.post("reviewer", "/api/tasks/" + driver.task(reference) + "/complete",
                "{\"decision\": \"REFUSE\", \"reason\": \"死亡证明未能核实\"}").getStatusCode().value()).isEqualTo(204);
        driver.runJobs(reference);
        try (Browser b = Browser.open(port)) {
            b.signIn(couple.username(), couple.password());
            b.go("/my/claims/" + reference + "?lang=en");
            assertThat(b.find("#status").getText()).isEqualTo("Refused");
            assertThat(b.text()).contains("死亡证明未能核实").contains("you can appeal by 2027-01-06");
            b.check("portal-claim-refused-en");
            b.find("#reason").sendKeys("The certificate was issued by the Futian police station on 2005-07-20.");
            nav(b, b.find("form[action$='/appeal'] button"));
            assertThat(b.flash("Your appeal has been sent; a supervisor will review the claim again.")).contains("appeal");
            assertThat(b.find("#status").getText()).isEqualTo("Appealed");
            // another applicant finds no such claim
            b.signOut();
            b.signIn("applicant2", "applicant2");
            b.go("/my/claims/" + reference + "?lang=zh_CN");
            assertThat(b.h1()).isEqualTo("页面不存在");
        }
    }

    @Test
    void anApplicantAnswersARequestByCorrectingTheDayHerChildDiedAndTheClaimIsEvaluatedAgainOnIt() throws Exception {
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        cn.huiyisheng.app.fixtures.ClaimDriver driver = new cn.huiyisheng.app.fixtures.ClaimDriver(http, runtime, management, tasks);
        String reference = driver.submit(couple, couple.smallClaim());
        driver.runJobs(reference);
        assertThat(driver.post("reviewer", "/api/tasks/" + driver.task(reference) + "/complete",
                "{\"decision\": \"REQUEST_INFO\", \"reason\": \"死亡证明上的日期与申请不符，请核对\"}").getStatusCode().value()).isEqualTo(204);
        driver.runJobs(reference);
        try (Browser b = Browser.open(port)) {
            b.size(Browser.PHONE);
            b.signIn(couple.username(), couple.password());
            b.go("/my/claims/" + reference);
            nav(b, b.find("#correct-link"));
            // the form starts from the facts as they stand: the child died on 2005-07-15
            assertThat(b.h1()).isEqualTo("更正家庭情况");
            assertThat(b.find("#c0Status-DIED").isSelected()).isTrue();
            assertThat(b.find("#c0LossY").getAttribute("value")).isEqualTo("2005");
            assertThat(b.find("#c0LossD").getAttribute("value")).isEqualTo("15");
            b.check("portal-correct-zh");
            // sent unchanged: nothing to send
            nav(b, b.find("form[action$='/correct'] button[type=submit]"));
            assertThat(b.find("#problems").getText()).contains("您没有更改任何内容");
            // a day before the child was born: refused at its field, and nothing is sent
            b.find("#c0LossY").clear();
            b.find("#c0LossY").sendKeys("1950");
            nav(b, b.find("form[action$='/correct'] button[type=submit]"));
            assertThat(b.find("#problems").getText()).contains("日期不能早于");
            assertThat(b.find("fieldset.date.has-error").getText()).contains("日期不能早于");
            b.check("portal-correct-refused-zh");
            assertThat(jdbc.queryForObject("SELECT status FROM claim WHERE reference = ?", String.class, reference)).isEqualTo("INFO_REQUESTED");
            // the right day
            b.find("#c0LossY").clear();
            b.find("#c0LossY").sendKeys("2005");
            b.find("#c0LossD").clear();
            b.find("#c0LossD").sendKeys("20");
            b.find("#note").sendKeys("死亡证明上是7月20日");
            nav(b, b.find("form[action$='/correct'] button[type=submit]"));
            assertThat(b.flash("更正已提交，系统将按更正后的情况重新评估您的申请。")).contains("更正已提交");
            assertThat(b.find("#status").getText()).isEqualTo("已补充材料");
        }
        driver.runJobs(reference);
        // evaluated again on the corrected facts, and back with the reviewer
        assertThat(jdbc.queryForObject("SELECT household_json FROM claim WHERE reference = ?", String.class, reference))
                .contains("\"deathDate\":\"2005-07-20\"").doesNotContain("2005-07-15");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event e JOIN claim c ON c.id = e.claim_id WHERE c.reference = ? AND e.type = 'EVALUATED'",
                Integer.class, reference)).isEqualTo(2);
        assertThat(driver.task(reference)).isNotNull();
        try (Browser b = Browser.open(port)) {
            b.signIn("reviewer", "reviewer");
            b.go("/inbox/tasks/" + driver.task(reference));
            assertThat(b.waitFor("form[action$='/decide']")).isNotNull();
            assertThat(b.text()).contains("申请人更正家庭情况").contains("/children/0/deathDate: \"2005-07-15\" → \"2005-07-20\"");
        }
    }

    @Test
    void aMotherWhoseChildDiedClaimsWithADocumentFromTheCalculatorAndIsGivenHerReference() throws Exception {
        cn.huiyisheng.app.fixtures.People.Couple couple = cn.huiyisheng.app.fixtures.People.couple(users);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("death-certificate", ".pdf");
        java.nio.file.Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path fake = java.nio.file.Files.createTempFile("not-a-pdf", ".pdf");
        java.nio.file.Files.writeString(fake, "just text pretending to be a PDF");
        try (Browser b = Browser.open(port)) {
            // the calculator, signed out
            b.go("/");
            b.find("#situation-CHILD_LOST").click();
            nav(b, b.find("button.start"));
            radio(b, "sex", "FEMALE");
            date(b, "birth", "1958", "3", "20");
            next(b);
            bereavedCoupleFromRegistration(b);
            nav(b, b.find("a.button"));
            // "sign in to claim": signed in, the claim starts from these answers
            nav(b, b.find("p.actions a.button"));
            b.find("#username").sendKeys(couple.username());
            b.find("#password").sendKeys(couple.password());
            nav(b, b.find("form.card button[type=submit]"));
            b.waitFor("main form[action$='/my/drafts']");
            assertThat(b.h1()).isEqualTo("开始申请");
            nav(b, b.find("main form button.start"));

            b.waitFor("#state-benefits");
            assertThat(b.h1()).isEqualTo("填写申请");
            assertThat(b.find("#state-benefits").getText()).isEqualTo("已完成");
            assertThat(b.find("#state-household").getText()).isEqualTo("未完成");
            b.check("portal-draft-zh");
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("家庭成员信息")));
            // a wrong ID number is refused at its field, nothing kept
            new org.openqa.selenium.support.ui.Select(b.find("#district")).selectByVisibleText("福田区");
            b.find("#spouseName").sendKeys("王强");
            b.find("#spouseId").sendKeys("440304196005120000");
            b.find("#child0").sendKeys("王小明");
            next(b);
            assertThat(b.waitFor(".error-summary").getText()).contains("配偶身份证号码无效");
            b.check("portal-draft-household-error-zh");
            b.find("#spouseId").clear();
            b.find("#spouseId").sendKeys(couple.manId());
            next(b);
            assertThat(b.waitFor("#state-household").getText()).isEqualTo("已完成");

            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("证明材料")));
            assertThat(b.text()).contains("子女死亡证明").contains("未上传");
            new org.openqa.selenium.support.ui.Select(b.find("#kind")).selectByVisibleText("子女死亡证明");
            b.find("#file").sendKeys(fake.toString());
            nav(b, b.find("form[enctype] button"));
            assertThat(b.waitFor(".error-summary").getText()).contains("只能上传 PDF、JPG 或 PNG 文件");
            new org.openqa.selenium.support.ui.Select(b.find("#kind")).selectByVisibleText("子女死亡证明");
            b.find("#file").sendKeys(pdf.toString());
            nav(b, b.find("form[enctype] button"));
            assertThat(b.flash("已上传")).contains(".pdf");
            assertThat(b.find("ul.checklist").getText()).contains("子女死亡证明 · 已上传");
            b.check("portal-draft-documents-zh");
            nav(b, b.find("p a.button"));

            b.waitFor("#state-bank");
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("收款账户")));
            b.find("#bankAccount").sendKeys(couple.bankAccount());
            b.find("#bankName").sendKeys("中国工商银行");
            next(b);
            b.waitFor("#state-bank");
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("核对并提交")));
            assertThat(b.h1()).isEqualTo("核对您的申请");
            assertThat(b.text()).contains("计划生育家庭特别扶助").doesNotContain(couple.bankAccount()).doesNotContain(couple.manId());
            b.check("portal-draft-check-zh");
            // not without the declaration
            nav(b, b.find("button.start"));
            assertThat(b.waitFor(".error-summary").getText()).contains("告知承诺");
            b.find("#declaration").click();
            nav(b, b.find("button.start"));

            b.waitFor("#reference");
            assertThat(b.h1()).isEqualTo("申请已提交");
            String reference = b.find("#reference").getText();
            assertThat(reference).startsWith("HYS-");
            b.check("portal-draft-done-zh");
            nav(b, b.find("p a.button"));
            b.waitFor("#status");
            assertThat(b.h1()).isEqualTo("申请 " + reference);
            assertThat(b.text()).contains("申请人提交证明材料").contains("子女死亡证明");
            // her document, as a download only (never shown inline), hers to fetch
            String href = b.find("ul.documents a").getAttribute("href");
            java.util.Map<String, Object> mine = fetch(b, href);
            assertThat(mine.get("status")).isEqualTo(200L);
            assertThat((String) mine.get("disposition")).startsWith("attachment");
            assertThat((String) mine.get("csp")).contains("sandbox");
            assertThat((String) mine.get("body")).startsWith("%PDF-");
            // a second claim from the same answers: what she has just claimed is not offered again
            b.go("/my/drafts/new");
            nav(b, b.find("main form button.start"));
            assertThat(b.waitFor("#state-benefits").getText()).isEqualTo("未完成");
            nav(b, b.driver().findElement(org.openqa.selenium.By.linkText("申请的待遇和起始月份")));
            assertThat(b.waitFor("#benefit-SPECIAL_SUPPORT").isEnabled()).isFalse();
            assertThat(b.find("label[for=benefit-SPECIAL_SUPPORT]").getText()).contains("已申请，正在办理");
            b.check("portal-draft-benefits-zh");
            // the reviewer sees it on the claim's task, and may fetch it; another applicant may not
            b.signOut();
            b.signIn("reviewer", "reviewer");
            cn.huiyisheng.app.Jobs.runDueOfClaim(runtime, management, reference);
            b.go("/inbox/tasks/" + tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId());
            assertThat(b.find("ul.documents").getText()).contains("子女死亡证明");
            java.util.Map<String, Object> reviewed = fetch(b, b.find("ul.documents a").getAttribute("href"));
            assertThat(reviewed.get("status")).isEqualTo(200L);
            assertThat((String) reviewed.get("body")).startsWith("%PDF-");
            b.signOut();
            b.signIn("applicant2", "applicant2");
            assertThat(fetch(b, href).get("status")).isEqualTo(404L);
            b.signOut();

            // approved, then paid by the month's run: she sees the payments and is told of them
            cn.huiyisheng.app.fixtures.ClaimDriver approvals = new cn.huiyisheng.app.fixtures.ClaimDriver(http, runtime, management, tasks);
            approvals.approve("reviewer", reference);
            cn.huiyisheng.app.Jobs.runDueOfClaim(runtime, management, reference);
            // above the threshold (hardship support is 6,000 a year): a supervisor approves again
            if (tasks.createTaskQuery().processInstanceBusinessKey(reference).count() > 0) {
                approvals.approve("supervisor", reference);
                cn.huiyisheng.app.Jobs.runDueOfClaim(runtime, management, reference);
            }
            cn.huiyisheng.app.fixtures.PaymentRuns.runAndReconcile(payments, paymentMapper, management, users);
            b.signIn(couple.username(), couple.password());
            assertThat(b.find("#nav-messages").getText()).contains("未读");
            nav(b, b.find("#nav-messages"));
            assertThat(b.waitFor("ul.messages").getText()).contains("您的申请 " + reference + " 已批准").contains("已向您的银行账户发放");
            b.go("/my/claims/" + reference);
            assertThat(b.find("#status").getText()).isEqualTo("已批准");
            assertThat(b.find("table[aria-labelledby=payments-heading]").getText()).contains("¥340.00").contains("已发放");
            assertThat(b.find("ol.steps").getText()).contains("发放 · 已完成");
            b.check("portal-claim-paid-zh");
        } finally {
            java.nio.file.Files.deleteIfExists(pdf);
            java.nio.file.Files.deleteIfExists(fake);
        }
    }
}
