package cn.huiyisheng.app.claims.persistence;

/** A row of {@code claim_person}: a person (by key) a claim is about, and as whom. */
public record ClaimPartyRow(long claimId, String personKey, String role) {
}
