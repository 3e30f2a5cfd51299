package cn.huiyisheng.app.claims.persistence;

/**
 * A row of {@code claim_person}: a person (by key) a claim is about, and as whom; {@code householdKey}
 * is the key of the claim's applicant (null when the applicant has no ID number), which tells the
 * risk signals' query another household's claim from the household's own without reading the claim.
 */
public record ClaimPartyRow(long claimId, String personKey, String role, String householdKey) {
}
