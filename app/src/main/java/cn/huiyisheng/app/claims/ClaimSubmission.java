package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.rules.household.Household;

import java.util.List;

/**
 * A claim as an applicant submits it.
 *
 * @param benefits    the benefits claimed; all when absent
 * @param period      the months claimed for recurring benefits; the next 12 months from this one when absent
 * @param bankAccount where payments go (digits only); personal data, masked in views and logs
 */
public record ClaimSubmission(Household household, List<String> benefits, EvaluationRequest.Span period,
                              String bankAccount, String bankName) {
}
