package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.PeriodDetermination;

/** The determination as of the date, and the segments over the period when one was asked for. */
public record EvaluationResponse(Determination determination, PeriodDetermination period) {
}
