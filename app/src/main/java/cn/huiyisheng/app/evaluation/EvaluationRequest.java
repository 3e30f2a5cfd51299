package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.rules.household.Household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What to evaluate.
 *
 * @param household the household's facts (required)
 * @param asOf      the date to decide on; today (Shenzhen) when absent
 * @param period    a span of months over which to compute the recurring benefits as segments
 * @param benefits  benefit codes to evaluate; all when absent
 * @param knownAt   decide with the versions known at this instant; now when absent
 */
public record EvaluationRequest(Household household, LocalDate asOf, Span period, List<String> benefits, Instant knownAt) {

    public record Span(YearMonth from, YearMonth to) {
    }
}
