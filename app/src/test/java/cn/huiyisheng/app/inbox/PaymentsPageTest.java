package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.Jobs;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.PaymentRuns;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.payments.Payments;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The payment officer's page: a refused return file summarised in the page's language, its whole list downloadable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PaymentsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    cn.huiyisheng.app.identity.Users users;
    @Autowired
    Payments payments;
    @Autowired
    PaymentMapper mapper;

    @Test
    void aRefusedReturnFileIsSummarisedAtTheTopInThePagesLanguageAndItsWholeListCanBeDownloaded() throws Exception {
        PaymentRuns.finishInProgress(payments, mapper, management, users);
        ClaimDriver claims = new ClaimDriver(http, runtime, management, tasks);
        People.Couple couple = People.couple(users);
        String reference = claims.submit(couple, couple.smallClaim());
        claims.runJobs(reference);
        claims.approve("reviewer", reference);
        claims.runJobs(reference);
        JsonNode started = http.withBasicAuth("payment", "payment").postForEntity("/api/payment-runs", null, JsonNode.class).getBody();
        long runId = started.get("id").asLong();
        Jobs.runDue(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey("RUN-" + runId).singleResult().getId());
        assertThat(mapper.findRun(runId).getStatus()).isEqualTo("FILES_WRITTEN");

        // fourteen lines the bank never sent for this run, one of them with a formula, and nothing about the run's own payments
        StringBuilder bad = new StringBuilder("reference,status,reason\n");
        for (int i = 0; i < 13; i++) {
            bad.append("HYS-P-9").append(i).append("999999,PAID,\n");
        }
        bad.append("=HYPERLINK(\"x\"),PAID,\n");
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(multipart("/inbox/payments/" + runId + "/return-file")
                        .file(new MockMultipartFile("file", "return.csv", "text/csv", bad.toString().getBytes(StandardCharsets.UTF_8)))
                        .session(session).with(csrf()).with(user("payment").roles("PAYMENT_OFFICER")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get("/inbox/payments").session(session).flashAttrs(posted.getFlashMap())
                        .with(user("payment").roles("PAYMENT_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int lines = mapper.findLinesOfRun(runId).size();
        int total = 14 + lines;
        assertThat(page).contains("批次" + runId + "的回盘文件未导入：发现" + total + "处错误").contains("系统未做任何更改")
                .contains("第2行").contains("不属于本批次").contains("另有" + (total - 10) + "处错误未在此列出")
                .contains("/inbox/payments/" + runId + "/return-problems").doesNotContain("not a payment of run");
        assertThat(mapper.findRun(runId).getStatus()).as("nothing changed").isEqualTo("FILES_WRITTEN");

        byte[] csv = mvc.perform(get("/inbox/payments/" + runId + "/return-problems").session(session)
                        .with(user("payment").roles("PAYMENT_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv[0]).as("UTF-8 with a byte-order mark, for Excel").isEqualTo((byte) 0xEF);
        String[] rows = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(rows).hasSize(1 + total);
        assertThat(rows[0]).isEqualTo("位置 where,代码 code,说明,explanation");
        // the bank's text is quoted inside the explanation; no cell begins with a formula character
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("line 15,FORMAT,").contains("=HYPERLINK"));
        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContain(",=").doesNotContain(",\"=").doesNotStartWith("="));
        assertThat(rows).filteredOn(r -> r.contains("MISSING_PAYMENTS")).hasSize(lines);

        // the same summary in English
        String english = mvc.perform(multipart("/inbox/payments/" + runId + "/return-file")
                        .file(new MockMultipartFile("file", "return.csv", "text/csv", bad.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("lang", "en").session(session).with(csrf()).with(user("payment").roles("PAYMENT_OFFICER")))
                .andReturn().getFlashMap().toString();
        assertThat(english).contains("line 2").contains("is not a payment of run " + runId);

        // a good file: the bank could not pay the first line; the reconciled run lists it, with the reason, to download
        StringBuilder good = new StringBuilder("reference,status,reason\n");
        var runLines = mapper.findLinesOfRun(runId);
        for (int i = 0; i < runLines.size(); i++) {
            good.append(Payments.reference(runLines.get(i).getPaymentId())).append(i == 0 ? ",FAILED,账户冻结\n" : ",PAID,\n");
        }
        mvc.perform(multipart("/inbox/payments/" + runId + "/return-file")
                        .file(new MockMultipartFile("file", "return.csv", "text/csv", good.toString().getBytes(StandardCharsets.UTF_8)))
                        .session(session).with(csrf()).with(user("payment").roles("PAYMENT_OFFICER")))
                .andExpect(status().is3xxRedirection());
        Jobs.runDue(management, mapper.findRun(runId).getProcessInstanceId());
        assertThat(mapper.findRun(runId).getStatus()).isEqualTo("RECONCILED");
        String failed = new String(mvc.perform(get("/inbox/payments/" + runId + "/failures").with(user("payment").roles("PAYMENT_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(failed.replace("\uFEFF", "").split("\r\n")).hasSize(2)
                .anySatisfy(r -> assertThat(r).startsWith(Payments.reference(runLines.get(0).getPaymentId()) + ",").endsWith(",账户冻结"));
    }
}
