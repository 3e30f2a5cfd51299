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
@io.swagger.v3.oas.annotations.media.Schema(description = "A claim as an applicant submits it / 待遇申请")
public record ClaimSubmission(
        @io.swagger.v3.oas.annotations.media.Schema(description = "the household; its applicant is the signed-in account's person",
                requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) Household household,
        @io.swagger.v3.oas.annotations.media.Schema(description = "benefit codes claimed (GET /api/benefits); all when absent",
                example = "[\"SPECIAL_SUPPORT\"]") List<String> benefits,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the months claimed for recurring benefits; the next 12 from this one when absent")
        EvaluationRequest.Span period,
        @io.swagger.v3.oas.annotations.media.Schema(description = "12 to 30 digits; personal data, masked in every view and log",
                example = "6222021234567893445", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
        String bankAccount,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the bank's name", example = "工商银行") String bankName) {
}
