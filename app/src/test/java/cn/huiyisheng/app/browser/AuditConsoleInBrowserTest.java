package cn.huiyisheng.app.browser;

import cn.huiyisheng.app.auditconsole.DeterminationIndex;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.fixtures.PolicyLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' console in Chromium (issue 12): an auditor finds a claim's decision by its
 * reference, reads the record with the deciding row marked in the version's table, replays it as
 * decided (identical) and, after a correction is published, as known now (the drift named with the
 * correction); the facts are shown in clear only for a reason. At both sizes, axe-core on each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditConsoleInBrowserTest {

    /** A database of its own: a correction of special support is published here. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        cn.huiyisheng.app.policy.OwnDatabase.register(registry, "_auditweb", "auditweb");
    }

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    cn.huiyisheng.app.identity.Users users;
    @Autowired
    SealedDeterminations determinations;
    @Autowired
    DeterminationIndex index;

    @BeforeAll
    static void chromium() {
        Browser.assumeAvailable();
    }

    @Test
    void anAuditorFindsADecisionSeesItsDecidingRowAndReplaysItAsDecidedAndAfterACorrection() throws Exception {
        People.Couple couple = People.couple(users);
        String reference = new ClaimDriver(http, runtime, management, tasks).submit(couple, couple.smallClaim("2014-06", "2014-08"));
        determinations.seal();
        index.index();
        try (Browser b = Browser.open(port)) {
            b.signIn("auditor", "auditor");
            assertThat(b.h1()).isEqualTo("判定记录审计");
            b.check("audit-search-zh");
            // a wrong resident ID is named at its field
            b.find("#idNumber").sendKeys("440304195803200000");
            b.nav(b.find("form[role=search] button[type=submit]"));
            assertThat(b.waitFor("#problems").getText()).contains("身份证号码无效");
            b.find("#idNumber").clear();
            b.find("#reference").sendKeys(reference);
            b.nav(b.find("form[role=search] button[type=submit]"));
            assertThat(b.waitFor("#results-heading").getText()).isEqualTo("共 1 条判定记录");
            assertThat(b.find("#results").getText()).contains(reference).contains("符合条件").contains("¥2,040.00");
            b.nav(b.find("#results a"));
            assertThat(b.waitFor("#seal").getText()).isEqualTo("内容与哈希一致，且与前一条记录相连");
            assertThat(b.find("#reference").getText()).isEqualTo(reference);
            // the deciding row marked in the version's table
            assertThat(b.all("table.sheet tr.deciding")).isNotEmpty();
            assertThat(b.find("table.sheet tr.deciding th").getText()).endsWith("◀");
            assertThat(b.find("#facts").getText()).doesNotContain(couple.womanId()).doesNotContain("王强");
            b.check("audit-record-zh");

            b.nav(b.find("#replay-decided"));
            assertThat(b.waitFor("#decided").getText()).contains("重放结果与记录完全一致（逐字节相同）");
            b.check("audit-replay-decided-zh");

            // a correction: 380 a month from July 2014
            String correction = "SPECIAL_SUPPORT-v" + PolicyLifecycle.publishSpecialSupport380(http, "2014-07-01", "2014-06-30")
                    .get("publishedVersion").asInt();
            // known from three seconds after its approval; a bulk run takes the rules as known at its start, to the whole second
            Thread.sleep(cn.huiyisheng.app.policy.PolicyCatalog.PUBLICATION_DELAY.plus(Duration.ofMillis(1500)).toMillis());
            b.nav(b.find("#replay-now"));
            String drift = b.waitFor("#known-now").getText();
            assertThat(drift).contains("按现行规则有 2 处变化，金额合计变化 ¥160.00").contains("更正版本 " + correction)
                    .contains("2014-07 — 2014-08").contains("¥380.00");
            b.check("audit-replay-now-zh");

            // in bulk, over today's special-support records, with its progress; the jobs run as the job executor would
            String record = b.driver().getCurrentUrl().replaceAll(".*/determinations/(\\d+).*", "$1");
            b.go("/audit/replays");
            b.waitFor("#mode-now").click();
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[0];", today);
            new org.openqa.selenium.support.ui.Select(b.find("#benefit")).selectByValue("SPECIAL_SUPPORT");
            b.check("audit-replays-zh");
            b.nav(b.find("#start-replay"));
            assertThat(b.waitFor("#progress").getAttribute("data-status")).isEqualTo("RUNNING");
            assertThat(b.find("#status").getText()).isEqualTo("正在重放");
            long run = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*/audit/replays/(\\d+).*", "$1"));
            cn.huiyisheng.app.Jobs.runReplay(runtime, management, run);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> b.find("#progress").getAttribute("data-status"), st -> st.equals("DONE"));
            b.nav(b.find("#progress a"));
            assertThat(b.waitFor("#drifted").getText()).isEqualTo("1");
            assertThat(b.find("#amount").getText()).isEqualTo("¥160.00");
            assertThat(b.find("figure.bars").getText()).contains(correction).contains("完全一致");
            assertThat(b.find("#items").getText()).contains(reference).contains(correction).contains("¥160.00");
            b.check("audit-replay-run-zh");
            b.go("/audit/determinations/" + record);

            // the facts in clear: not without a reason; with one, and the page says the reading is recorded
            b.nav(b.find("form[action$='/unmask'] button"));
            assertThat(b.waitFor(".field.has-error").getText()).contains("请说明查看完整信息的理由");
            b.find("#reason").sendKeys("专项审计抽查");
            b.nav(b.find("form[action$='/unmask'] button"));
            assertThat(b.waitFor("#facts-heading").getText()).contains("完整信息");
            assertThat(b.find("#facts").getText()).contains(couple.womanId());

            b.go("/audit/determinations/" + record + "?lang=en");
            assertThat(b.find("#seal").getText()).isEqualTo("The content gives its hash, and it links to the record before it");
            b.check("audit-record-en");
            b.go("/audit?lang=zh_CN");

            // both chains verified with progress; a checkpoint signed
            b.nav(b.find("nav.subnav a[href$='/audit/chains']"));
            b.nav(b.waitFor("#verify"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> b.find("#run-heading").getText(), t -> t.equals("两条链都完好"));
            assertThat(b.find("#determinations-result").getText()).startsWith("完好：");
            assertThat(b.find("#security-result").getText()).startsWith("完好：");
            assertThat(b.find("#run-progress").getAttribute("value")).isEqualTo("100");
            b.nav(b.find("#sign"));
            assertThat(b.flash("已签署检查点")).contains("checkpoint-");
            assertThat(b.find("#checkpoints").getText()).contains("checkpoint-");
            assertThat(b.find("#public-key").getText()).startsWith("04").hasSize(130);
            b.check("audit-chains-zh");

            // the security trail: the unmasking above is in it, with its reason; the CSV export too
            b.nav(b.find("nav.subnav a[href$='/audit/trail']"));
            new org.openqa.selenium.support.ui.Select(b.waitFor("#type")).selectByValue("AUDIT_READ");
            b.nav(b.find("form[role=search] button[type=submit]"));
            assertThat(b.waitFor("#trail").getText()).contains("审计查阅个人信息").contains("facts unmasked: 专项审计抽查");
            b.check("audit-trail-zh");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> csv = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status,"
                            + " disposition: r.headers.get('content-disposition'), body: await r.text()})).catch(e => done({error: String(e)}));",
                    b.find("#csv").getAttribute("href"));
            assertThat(csv.get("status")).isEqualTo(200L);
            assertThat((String) csv.get("disposition")).startsWith("attachment").contains("security-trail.csv");
            assertThat((String) csv.get("body")).contains("id,seq,at (Asia/Shanghai),actor,address,type,outcome,target,detail")
                    .contains("AUDIT_READ").contains("facts unmasked: 专项审计抽查");
        }
    }
}
