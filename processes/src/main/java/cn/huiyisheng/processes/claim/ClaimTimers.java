package cn.huiyisheng.processes.claim;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * The deadlines of benefit-claim, read by its timers ({@code ${claimTimers...}}). They follow the
 * engine's clock, so tests move time with {@code ClockUtil}.
 */
@Component("claimTimers")
public class ClaimTimers {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final int answerDays;
    private final int appealDays;
    private final int reviewWorkingDays;

    public ClaimTimers(@Value("${huiyisheng.claims.answer-days:30}") int answerDays,
                       @Value("${huiyisheng.claims.appeal-days:30}") int appealDays,
                       @Value("${huiyisheng.claims.review-sla-working-days:10}") int reviewWorkingDays) {
        this.answerDays = answerDays;
        this.appealDays = appealDays;
        this.reviewWorkingDays = reviewWorkingDays;
    }

    /** Days an applicant has to answer a request for information. */
    public int answerDays() {
        return answerDays;
    }

    /** Days an applicant has to appeal a refusal. */
    public int appealDays() {
        return appealDays;
    }

    /** Working days (Monday to Friday) a review may take before it is escalated. */
    public int reviewWorkingDays() {
        return reviewWorkingDays;
    }

    /** How long an applicant has to answer a request for information (ISO 8601). */
    public String getAnswerWindow() {
        return "P" + answerDays + "D";
    }

    /** How long an applicant has to appeal a refusal (ISO 8601). */
    public String getAppealWindow() {
        return "P" + appealDays + "D";
    }

    /**
     * When an open review is escalated: after the configured number of working days, counting
     * Monday to Friday (public holidays are not known to the engine yet).
     */
    public Date reviewDue() {
        LocalDate day = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
        int left = reviewWorkingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return Date.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
