package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.rules.risk.RiskSignal;
import java.util.List;

import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.PeriodDetermination;

/**
 * The determination as of the date, the segments over the period when one was asked for and, for
 * a claim, the reviewer's risk signals (signals, not refusals).
 */
public record EvaluationResponse(Determination determination, PeriodDetermination period, List<RiskSignal> signals) {

    public EvaluationResponse(Determination determination, PeriodDetermination period) {
        this(determination, period, null);
    }

    public EvaluationResponse withSignals(List<RiskSignal> signals) {
        return new EvaluationResponse(determination, period, signals);
    }
}
