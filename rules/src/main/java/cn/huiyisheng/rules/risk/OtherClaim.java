package cn.huiyisheng.rules.risk;

/**
 * Another claim that shares something with the claim under review, as the application found it
 * in its records.
 *
 * @param kind           what is shared
 * @param role           for a shared person: who they are in this claim (APPLICANT, SPOUSE, CHILD)
 * @param reference      the other claim's reference
 * @param open           whether the other claim is still being decided
 * @param sameHousehold  whether the other claim is this household's own (its applicant is one of our parents)
 */
public record OtherClaim(Kind kind, String role, String reference, boolean open, boolean sameHousehold) {

    public enum Kind { BANK_ACCOUNT, PERSON }

    // accessors in bean style, for the rules' constraints
    public Kind getKind() { return kind; }
    public String getRole() { return role; }
    public String getReference() { return reference; }
    public boolean isOpen() { return open; }
    public boolean isSameHousehold() { return sameHousehold; }
}
