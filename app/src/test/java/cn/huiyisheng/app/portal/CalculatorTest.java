package cn.huiyisheng.app.portal;

import cn.huiyisheng.app.fixtures.People;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The portal's calculator without signing in (issue 11 §1): from a life situation through one
 * question a page to the result, on the rules as shipped, on 7 December 2026. A bereaved couple is
 * told their special support and its amount, per person and month, who pays and the legal basis; a
 * younger mother is told the one condition she does not meet and from which month she will; a
 * wrong date is refused where it was typed and nothing moves on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CalculatorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    cn.huiyisheng.app.identity.Users users;

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

    private MockHttpServletResponse send(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andReturn().getResponse();
    }

    /** Posts a page's answers; the redirect's target (the next page). */
    private String answer(MockHttpSession session, String step, String... pairs) throws Exception {
        MockHttpServletRequestBuilder post = post("/check/" + step);
        for (int i = 0; i < pairs.length; i += 2) {
            post.param(pairs[i], pairs[i + 1]);
        }
        MockHttpServletResponse r = send(session, post);
        assertThat(r.getStatus()).as(step + ": " + r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        return r.getRedirectedUrl();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        MockHttpServletResponse r = send(session, get(path));
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The part of the result page about one benefit. */
    private static String section(String page, String benefit) {
        int at = page.indexOf("id=\"benefit-" + benefit + "\"");
        assertThat(at).as(benefit + " on the page").isPositive();
        int end = page.indexOf("</li>\n    </ul>", at);
        int next = page.indexOf("id=\"benefit-", at + 1);
        return page.substring(at, next > 0 && next < end ? next : end);
    }

    @Test
    void aBereavedCoupleIsToldTheirSpecialSupportPerPersonAndMonthWhoPaysItAndWhy() throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(page(session, "/")).contains("我的独生子女去世或伤残了").contains("不需要登录");
        assertThat(send(session, post("/check").param("situation", "CHILD_LOST")).getRedirectedUrl()).isEqualTo("/check/you");
        assertThat(page(session, "/check/you")).contains("第 1 步，共 6 步").contains("您的出生日期");
        assertThat(answer(session, "you", "sex", "FEMALE", "birthY", "1958", "birthM", "3", "birthD", "20")).isEqualTo("/check/registration");
        assertThat(answer(session, "registration", "registration", "URBAN_HUKOU")).isEqualTo("/check/spouse");
        assertThat(answer(session, "spouse", "spouse", "yes", "spouseBirthY", "1960", "spouseBirthM", "5", "spouseBirthD", "12"))
                .isEqualTo("/check/children");
        assertThat(answer(session, "children", "children", "ONE", "withinPolicy", "yes")).isEqualTo("/check/child-dates");
        assertThat(answer(session, "child-dates", "child1Sex", "MALE", "child1BirthY", "1985", "child1BirthM", "4", "child1BirthD", "1"))
                .isEqualTo("/check/child-status");
        assertThat(answer(session, "child-status", "childStatus", "DIED", "lossDateY", "2005", "lossDateM", "7", "lossDateD", "15"))
                .isEqualTo("/check/answers");
        assertThat(page(session, "/check/answers")).contains("1958年3月20日").contains("已去世").contains("深圳户籍（城镇）")
                .contains("/check/child-status?change=1");

        String result = page(session, "/check/result");
        // special support for each parent, a month; and hardship support for the household (a child who died is a hardship), a year
        assertThat(result).contains("您可以申请的待遇（2 项）").doesNotContain("暂不符合条件的待遇");
        assertThat(section(result, "SPECIAL_SUPPORT")).contains("计划生育家庭特别扶助").contains("您：</span><strong>¥340.00 每月")
                .contains("配偶：</span><strong>¥340.00 每月").contains("国家扶助制度资金").contains("国卫家庭发〔2013〕41号");
        assertThat(section(result, "HARDSHIP_FAMILY_SUPPORT")).contains("全家：</span><strong>¥6,000.00 每年").contains("市财政");
        // in English, the same answer
        String en = page(session, "/check/result?lang=en");
        assertThat(en).contains("What you can claim (2)").contains("¥340.00 per month").contains("Your spouse");
    }

    @Test
    void aYoungerMotherIsToldTheConditionSheDoesNotMeetAndFromWhichMonthSheWill() throws Exception {
        MockHttpSession session = new MockHttpSession();
        send(session, post("/check").param("situation", "CHILD_LOST"));
        // a date that does not exist is refused where it was typed, and the page stays
        MockHttpServletResponse wrong = send(session, post("/check/you").param("sex", "FEMALE").param("birthY", "1980")
                .param("birthM", "2").param("birthD", "30"));
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("请修改以下问题").contains("href=\"#birthY\"")
                .contains("请填写真实存在的日期").contains("value=\"30\"");
        answer(session, "you", "sex", "FEMALE", "birthY", "1980", "birthM", "6", "birthD", "15");
        answer(session, "registration", "registration", "URBAN_HUKOU");
        answer(session, "spouse", "spouse", "yes", "spouseBirthY", "1978", "spouseBirthM", "1", "spouseBirthD", "1");
        answer(session, "children", "children", "ONE", "withinPolicy", "yes");
        answer(session, "child-dates", "child1Sex", "FEMALE", "child1BirthY", "2002", "child1BirthM", "1", "child1BirthD", "1");
        answer(session, "child-status", "childStatus", "DIED", "lossDateY", "2020", "lossDateM", "5", "lossDateD", "1");

        String result = page(session, "/check/result");
        // she turns 49 on 15 June 2029: special support from July 2029 (a month is assessed on its first day)
        assertThat(result).contains("您可以申请的待遇（1 项）").contains("暂不符合条件的待遇（1 项）");
        // only the condition that failed, and when time lifts it
        assertThat(section(result, "SPECIAL_SUPPORT")).contains("暂不符合").contains("女方").contains("49").contains("46")
                .contains("预计从 2029年7月 起可以享受").doesNotContain("¥").doesNotContain("户籍");
        assertThat(page(session, "/check/result?lang=en")).contains("Expected from 7/2029");
    }

    @Test
    void oneAddressIsAnsweredAtMost30TimesAMinuteThenToldToWaitWithoutAFigure() throws Exception {
        MockHttpSession session = new MockHttpSession();
        send(session, post("/check").param("situation", "MIGRANT"));
        answer(session, "you", "sex", "FEMALE", "birthY", "1990", "birthM", "1", "birthD", "1");
        answer(session, "registration", "registration", "RESIDENCE_PERMIT");
        for (int i = 1; i <= 30; i++) {
            MockHttpServletResponse r = send(session, get("/check/result").with(from("203.0.113.7")));
            assertThat(r.getStatus()).as("check " + i).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(session, get("/check/result").with(from("203.0.113.7")));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("查询过于频繁").doesNotContain("符合条件");
        // another address is answered
        assertThat(send(session, get("/check/result").with(from("203.0.113.8"))).getStatus()).isEqualTo(200);
        // and every answer of the calculator is kept out of caches (the answers are a person's)
        assertThat(send(session, get("/check/result").with(from("203.0.113.9"))).getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void anApplicantSignedInIsToldWhichOfTheseSheHasClaimedAlreadyAndIsNotOfferedItAgain() throws Exception {
        People.Couple couple = People.couple(users);
        MockHttpServletResponse claimed = mvc.perform(post("/api/claims").with(httpBasic(couple.username(), couple.password()))
                .header("Idempotency-Key", "calc-" + java.util.UUID.randomUUID()).contentType("application/json")
                .content(couple.smallClaim())).andReturn().getResponse();
        assertThat(claimed.getStatus()).as(claimed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);

        MockHttpSession signedIn = new MockHttpSession();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                couple.username(), null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_APPLICANT"))));
        signedIn.setAttribute(org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        bereavedCouple(signedIn);
        String result = page(signedIn, "/check/result");
        // still eligible, but claimed and being decided: said so; the household's hardship support is still offered
        assertThat(section(result, "SPECIAL_SUPPORT")).contains("符合条件").contains("您已申请这项待遇，正在办理中");
        assertThat(section(result, "HARDSHIP_FAMILY_SUPPORT")).doesNotContain("您已申请").doesNotContain("您已在享受");
        assertThat(result).contains("href=\"/my/drafts/new\"").contains("申请这些待遇").doesNotContain("登录后申请");
        assertThat(page(signedIn, "/check/result?lang=en")).contains("You have claimed this and it is being decided");

        // the same answers, not signed in: nothing of anyone's claims
        MockHttpSession anonymous = new MockHttpSession();
        bereavedCouple(anonymous);
        assertThat(page(anonymous, "/check/result")).contains("计划生育家庭特别扶助").doesNotContain("您已申请");
    }

    /** The bereaved couple's answers of the first test, to the page of answers. */
    private void bereavedCouple(MockHttpSession session) throws Exception {
        send(session, post("/check").param("situation", "CHILD_LOST"));
        answer(session, "you", "sex", "FEMALE", "birthY", "1958", "birthM", "3", "birthD", "20");
        answer(session, "registration", "registration", "URBAN_HUKOU");
        answer(session, "spouse", "spouse", "yes", "spouseBirthY", "1960", "spouseBirthM", "5", "spouseBirthD", "12");
        answer(session, "children", "children", "ONE", "withinPolicy", "yes");
        answer(session, "child-dates", "child1Sex", "MALE", "child1BirthY", "1985", "child1BirthM", "4", "child1BirthD", "1");
        answer(session, "child-status", "childStatus", "DIED", "lossDateY", "2005", "lossDateM", "7", "lossDateD", "15");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
