package cn.huiyisheng.app.payments.persistence;

import java.time.Instant;

/** A row of {@code benefit_grant}: a benefit granted to a person (by key) for a period, by a claim. */
public record GrantRow(String personKey, String benefit, String period, long claimId, Instant createdAt) {
}
