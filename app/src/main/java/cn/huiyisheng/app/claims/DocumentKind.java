package cn.huiyisheng.app.claims;

/** What a claim's document is: the checklist's items ({@code doc.<KIND>} in the message bundles). */
public enum DocumentKind {
    HOUSEHOLD_REGISTER, MARRIAGE_CERTIFICATE, HONOR_CERTIFICATE, DEATH_CERTIFICATE, DISABILITY_CERTIFICATE, RETIREMENT_PROOF,
    MEDICAL_PROOF, HARDSHIP_PROOF, RESIDENCE_PERMIT, OTHER
}
