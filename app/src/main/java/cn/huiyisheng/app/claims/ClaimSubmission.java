package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.rules.household.Household;

import java.util.List;

/**
 * A claim as an applicant submits it.
 *
 * @param benefits    the benefits claimed; all when absent
 * @param period      "from when" for recurring benefits: the first month, and a last month only for a closed span;
 *                    without a last month (or without a period, from this month) for as long as the conditions hold
 * @param bankAccount where payments go (digits only); personal data, masked in views and logs
 */
@io.swagger.v3.oas.annotations.media.Schema(description = "A claim as an applicant submits it / 待遇申请")
public record ClaimSubmission(
        @io.swagger.v3.oas.annotations.media.Schema(description = "the household; its applicant is the signed-in account's person",
                requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) Household household,
        @io.swagger.v3.oas.annotations.media.Schema(description = "benefit codes claimed (GET /api/benefits); all when absent",
                example = "[\"SPECIAL_SUPPORT\"]") List<String> benefits,
        @io.swagger.v3.oas.annotations.media.Schema(description = "from when, for recurring benefits: `from` (default this month), and `to` only for a closed span;"
                + " without `to` the benefit continues for as long as its conditions hold, each month determined by the payment runs"
                + " / 自何时起申请；不填结束月份则长期享受，每月由发放批次按当时有效的规则核定")
        EvaluationRequest.Span period,
        @io.swagger.v3.oas.annotations.media.Schema(description = "12 to 30 digits; personal data, masked in every view and log",
                example = "6222021234567893445", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
        String bankAccount,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the bank's name", example = "工商银行") String bankName) {
}
