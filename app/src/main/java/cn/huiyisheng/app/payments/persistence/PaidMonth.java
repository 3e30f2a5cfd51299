package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;

/**
 * A month's regular payment as a correction's check reads it: what was paid, and the differences
 * earlier corrections recorded for it ({@code adjusted}), with the entitlement segment it belongs to.
 */
public record PaidMonth(long paymentId, String period, BigDecimal amount, long entitlementId, long claimId, String benefit, String subjectPath,
                        String subjectLabel, Long recurringId, String payer, long determinationId, BigDecimal adjusted,
                        String status) {
}
