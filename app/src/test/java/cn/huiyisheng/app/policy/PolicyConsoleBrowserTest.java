package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.browser.Browser;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy console in a real browser, as its users work it (issue 9 §6): an author uploads a
 * LibreOffice-saved draft with a refused cell and sees it marked, uploads the fixed one with a raised
 * amount, adds the cases around validFrom, runs the impact on a decided claim, submits; she cannot
 * approve it herself; a second person approves it from the queue; a new evaluation for a date after
 * validFrom gives the new amount. In a database of its own (publishing changes the catalogue).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyConsoleBrowserTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        OwnDatabase.register(registry, "_console", "policy-console");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;
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

    static Path file(String fixture) throws Exception {
        Path p = Files.createTempFile("draft", ".xlsx");
        Files.write(p, PolicyDraftsTest.fixture(fixture));
        return p;
    }

    static void set(Browser b, String css, String value) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", b.find(css), value);
    }

    @Test
    void anAuthorTakesADraftFromAWorkbookToReviewAndASecondPersonPublishesIt() throws Exception {
        // a decided claim the draft changes: a bereaved urban couple, November 2039 to February 2040
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        People.Couple couple = People.couple(users);
        driver.submit(couple, couple.smallClaim("2039-11", "2040-02"));

        try (Browser b = Browser.open(port)) {
            b.signIn("policy", "policy");
            assertThat(b.h1()).isEqualTo("政策版本与草稿");
            assertThat(b.text()).contains("计划生育家庭特别扶助").contains("第3版，自2014-01-01起");
            b.check("policy-index-zh");

            // a refused cell, and no date: nothing stored, every problem summarised, the cell marked in the sheet as read
            b.find("a[href$='/policy/drafts/new']").click();
            assertThat(b.h1()).isEqualTo("上传草稿");
            new org.openqa.selenium.support.ui.Select(b.find("#f-benefit")).selectByValue("SPECIAL_SUPPORT");
            b.find("#f-basisDocument").sendKeys("深圳市计划生育家庭特别扶助标准调整通知（测试）");
            b.find("#f-basisClause").sendKeys("一");
            b.find("#f-changeNote").sendKeys("城镇独生子女死亡家庭每月340元调整为380元");
            new org.openqa.selenium.support.ui.Select(b.find("#f-figures")).selectByValue("SAMPLE");
            b.find("#f-sources").sendKeys("测试数据");
            b.find("#f-spreadsheet").sendKeys(file("special-support-text-amount-libreoffice.xlsx").toString());
            b.find("form[action$='/policy/drafts'] button[type=submit]").click();
            WebElement summary = b.waitFor("#problems");
            assertThat(summary.getText()).contains("草稿未保存").contains("生效日期").contains("SPECIAL_SUPPORT!H9");
            WebElement link = b.find("#problems a[href='#cell-H9']");
            assertThat(link).isNotNull();
            WebElement cell = b.find("#cell-H9");
            assertThat(cell.getText()).isEqualTo("三百八");
            assertThat(cell.getAttribute("class")).contains("refused");
            assertThat(b.all("table.sheet td.refused")).hasSize(1);
            b.check("policy-upload-refused-zh");

            // the fixed workbook, valid from 2040
            set(b, "#f-validFrom", "2040-01-01");
            b.find("#f-spreadsheet").sendKeys(file("special-support-380-libreoffice.xlsx").toString());
            b.find("form[action$='/policy/drafts'] button[type=submit]").click();
            assertThat(b.flash("草稿已保存")).contains("草稿已保存");
            assertThat(b.find("#status").getText()).isEqualTo("草稿");
            String url = b.driver().getCurrentUrl();
            long draft = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(b.find("#effect").getText()).contains("城镇户籍").contains("340.00 → 380.00");
            assertThat(b.find("#rows").getText()).contains("SS-2014-URBAN-DIED");
            assertThat(b.find("#missing").getText()).contains("2039-12-31").contains("2040-01-01");

            // its own cases around validFrom, through the small form, with a shipped household: a mistyped amount is refused
            // with its field, then both cases pass and so does every check
            new org.openqa.selenium.support.ui.Select(b.find("#case-household")).selectByValue("bereaved-urban");
            set(b, "#case-asOf", "2039-12-31");
            b.find("#case-amount").sendKeys("三百四");
            b.find("#add-case").click();
            assertThat(b.waitFor(".notice.error").getText()).contains("case.amount").contains("金额应为元");
            assertThat(b.find("#cases-yaml").getText()).isEmpty();
            new org.openqa.selenium.support.ui.Select(b.find("#case-household")).selectByValue("bereaved-urban");
            set(b, "#case-asOf", "2039-12-31");
            b.find("#case-amount").sendKeys("340.00");
            b.find("#add-case").click();
            assertThat(b.flash("用例已添加")).contains("用例已添加");
            assertThat(b.find("#missing").getText()).contains("2040-01-01").doesNotContain("2039-12-31");
            new org.openqa.selenium.support.ui.Select(b.find("#case-household")).selectByValue("bereaved-urban");
            b.find("#case-amount").sendKeys("380.00"); // the date defaults to validFrom
            b.find("#add-case").click();
            assertThat(b.flash("用例已添加")).contains("用例已添加");
            assertThat(b.find("#cases").getText()).contains("2039-12-31 applicant").contains("2040-01-01 applicant");
            assertThat(b.find("#cases-yaml").getText()).contains("bereaved-urban").contains("380.00");
            assertThat(b.find("#checks-result").getText()).contains("全部检查通过").contains("SPECIAL_SUPPORT-v4");

            // the impact on the decided claim: January and February 2040, both parents 340 → 380
            b.find("#run-impact").click();
            assertThat(b.flash("测算已开始")).contains("测算已开始");
            assertThat(b.find("#impact-status").getText()).contains("正在测算");
            // the simulation's jobs, as the job executor would run them (the tests run without one)
            Jobs.runImpact(runtime, management, http.withBasicAuth("policy", "policy")
                    .getForObject("/api/policy/drafts/" + draft + "/impact", JsonNode.class).get("id").asLong());
            b.go("/policy/drafts/" + draft);
            assertThat(b.find("#impact-status").getText()).isEqualTo("测算完成");
            assertThat(b.find("#impact-summary").getText()).contains("重新评估已决申请1份，其中1份的结果将改变");
            assertThat(b.find("#impact-cost").getText()).contains("¥1,360.00").contains("¥1,520.00").contains("¥160.00");
            assertThat(b.find("#impact-categories").getText()).contains("增加超过5%");
            assertThat(b.waitFor("#impact-chart svg")).isNotNull();
            b.check("policy-draft-impact-zh");
            // behind the figure: both parents of the decided claim, masked, 680.00 → 760.00 each
            assertThat(b.all("#impact-categories a")).as("a link only where there are persons").hasSize(1);
            b.find("#impact-categories a[href*='category=GAIN_OVER_5']").click();
            assertThat(b.waitFor("#claims-count").getText()).contains("共 2 人次");
            assertThat(b.find("#impact-claims").getText()).contains("¥680.00").contains("¥760.00").contains("申请人").contains("配偶")
                    .contains("增加超过5%").doesNotContain("李梅");
            b.check("policy-impact-claims-zh");
            b.find("a[href*='#impact']").click();
            assertThat(b.waitFor("#impact-status").getText()).isEqualTo("测算完成");

            // submitted, she cannot approve it: no approval on her page, and the service refuses her
            b.find("#submit").click();
            assertThat(b.flash("已提交审批")).contains("已提交审批");
            assertThat(b.find("#status").getText()).isEqualTo("待审批");
            assertThat(b.all("#approve")).isEmpty();
            assertThat(b.find("#own-draft").getText()).contains("另一位政策人员");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.withBasicAuth("policy", "policy").postForEntity("/api/policy/drafts/" + draft + "/approve",
                    new HttpEntity<>("{}", headers), JsonNode.class).getStatusCode().value()).isEqualTo(403);
            b.signOut();

            // the second person finds it in her queue, in English too, and approves it
            b.signIn("policy2", "policy2");
            assertThat(b.find("#queue").getText()).contains("草稿" + draft);
            b.go("/policy?lang=en");
            assertThat(b.h1()).isEqualTo("Policy versions and drafts");
            assertThat(b.find("#queue").getText()).contains("Draft " + draft);
            b.check("policy-index-en");
            b.go("/policy/drafts/" + draft + "?lang=zh_CN");
            b.find("#approve-comment").sendKeys("已核对出处");
            b.find("#approve").click();
            assertThat(b.flash("已批准并发布")).contains("已批准并发布");
            assertThat(b.find("#status").getText()).isEqualTo("已发布");
            b.check("policy-draft-published-zh");
        }

        // from the instant it takes effect, an evaluation for a date after validFrom gives the new amount
        Thread.sleep(cn.huiyisheng.app.policy.PolicyCatalog.PUBLICATION_DELAY.toMillis() + 600);
        assertThat(PolicyDraftsTest.evaluate(http, Instant.now()).get("amount").decimalValue()).isEqualByComparingTo("380.00");
    }
}
