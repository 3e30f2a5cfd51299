package cn.huiyisheng.app.impact;

import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Periodicity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.huiyisheng.app.impact.ImpactComparison.Category.*;
import static org.assertj.core.api.Assertions.assertThat;

/** How one person's change is classed: eligibility gained or lost, and the bands of ±5 % of the amount over the compared months. */
class ImpactComparisonTest {

    static final ImpactComparison.Window WINDOW = ImpactComparison.Window.of(YearMonth.of(2014, 7));

    static Segment seg(String from, String to, boolean eligible, String amount) {
        YearMonth f = YearMonth.parse(from);
        YearMonth t = YearMonth.parse(to);
        int units = (int) f.until(t, java.time.temporal.ChronoUnit.MONTHS) + 1;
        BigDecimal a = amount == null ? null : new BigDecimal(amount);
        return new Segment(f, t, units, eligible, a, a == null ? null : a.multiply(BigDecimal.valueOf(units)), null, null, List.of(), List.of());
    }

    static EvaluationResponse monthly(Segment... segments) {
        PeriodDetermination.SubjectPeriod subject = new PeriodDetermination.SubjectPeriod("applicant", "$.applicant", List.of(segments), null);
        PeriodDetermination.BenefitPeriod benefit = new PeriodDetermination.BenefitPeriod("SPECIAL_SUPPORT", "特别扶助", "special support",
                Periodicity.MONTHLY, List.of(subject), null);
        return new EvaluationResponse(new Determination(LocalDate.of(2014, 1, 1), Instant.EPOCH, "t", List.of()),
                new PeriodDetermination(YearMonth.of(2014, 7), YearMonth.of(2015, 12), Instant.EPOCH, "t", List.of(benefit)));
    }

    static ImpactComparison.Change only(EvaluationResponse before, EvaluationResponse after) {
        List<ImpactComparison.Change> changes = ImpactComparison.compare(before, after, WINDOW);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    @Test
    void aRaiseOverTheComparedMonthsIsAGainInItsBandAndTheWindowHoldsOnlyTheFirstTwelveMonths() {
        // July 2014 to December 2015: 18 months, 12 of them in the window
        ImpactComparison.Change c = only(monthly(seg("2014-07", "2015-12", true, "340.00")), monthly(seg("2014-07", "2015-12", true, "380.00")));
        assertThat(c.category()).isEqualTo(GAIN_OVER_5);
        assertThat(c.changed()).isTrue();
        assertThat(c.before()).isEqualByComparingTo("6120.00");
        assertThat(c.after()).isEqualByComparingTo("6840.00");
        assertThat(c.before12()).isEqualByComparingTo("4080.00");
        assertThat(c.after12()).isEqualByComparingTo("4560.00");
    }

    @Test
    void eligibilityGainedOrLostIsItsOwnCategoryAndNeitherIsOutsideTheFigures() {
        assertThat(only(monthly(seg("2014-07", "2014-12", false, null)), monthly(seg("2014-07", "2014-12", true, "100.00"))).category())
                .isEqualTo(NEWLY_ELIGIBLE);
        assertThat(only(monthly(seg("2014-07", "2014-12", true, "100.00")), monthly(seg("2014-07", "2014-12", false, null))).category())
                .isEqualTo(NO_LONGER_ELIGIBLE);
        ImpactComparison.Change neither = only(monthly(seg("2014-07", "2014-12", false, null)), monthly(seg("2014-07", "2014-12", false, null)));
        assertThat(neither.category()).isEqualTo(INELIGIBLE);
        assertThat(neither.changed()).isFalse();
    }

    @Test
    void theBandsSplitAtFivePercentExactly() {
        BigDecimal hundred = new BigDecimal("100.00");
        assertThat(ImpactComparison.category(true, true, hundred, new BigDecimal("105.00"))).isEqualTo(GAIN_UP_TO_5);
        assertThat(ImpactComparison.category(true, true, hundred, new BigDecimal("105.01"))).isEqualTo(GAIN_OVER_5);
        assertThat(ImpactComparison.category(true, true, hundred, new BigDecimal("95.00"))).isEqualTo(LOSS_UP_TO_5);
        assertThat(ImpactComparison.category(true, true, hundred, new BigDecimal("94.99"))).isEqualTo(LOSS_OVER_5);
        assertThat(ImpactComparison.category(true, true, hundred, new BigDecimal("100.00"))).isEqualTo(UNCHANGED);
    }

    @Test
    void theSameTotalOverOtherMonthsIsUnchangedInAmountButAChangedDecision() {
        ImpactComparison.Change c = only(monthly(seg("2014-07", "2014-08", true, "100.00"), seg("2014-09", "2014-09", false, null)),
                monthly(seg("2014-07", "2014-07", false, null), seg("2014-08", "2014-09", true, "100.00")));
        assertThat(c.category()).isEqualTo(UNCHANGED);
        assertThat(c.changed()).isTrue();
    }
}
