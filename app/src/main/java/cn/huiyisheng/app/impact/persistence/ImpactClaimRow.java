package cn.huiyisheng.app.impact.persistence;

import java.math.BigDecimal;

/** A person and benefit whose outcome a draft changes in one claim (policy_impact_claim), with the claim's reference and masked name when read. */
public class ImpactClaimRow {
    private long impactId;
    private long claimId;
    private long determinationId;
    private String benefit;
    private String subjectPath;
    private String personKey;
    private String district;
    private String registration;
    private String category;
    private BigDecimal beforeAmount;
    private BigDecimal afterAmount;
    private BigDecimal before12;
    private BigDecimal after12;
    private String reference;
    private String applicantName;

    public long getImpactId() { return impactId; }
    public void setImpactId(long impactId) { this.impactId = impactId; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public long getDeterminationId() { return determinationId; }
    public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getSubjectPath() { return subjectPath; }
    public void setSubjectPath(String subjectPath) { this.subjectPath = subjectPath; }
    public String getPersonKey() { return personKey; }
    public void setPersonKey(String personKey) { this.personKey = personKey; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getRegistration() { return registration; }
    public void setRegistration(String registration) { this.registration = registration; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public BigDecimal getBeforeAmount() { return beforeAmount; }
    public void setBeforeAmount(BigDecimal beforeAmount) { this.beforeAmount = beforeAmount; }
    public BigDecimal getAfterAmount() { return afterAmount; }
    public void setAfterAmount(BigDecimal afterAmount) { this.afterAmount = afterAmount; }
    public BigDecimal getBefore12() { return before12; }
    public void setBefore12(BigDecimal before12) { this.before12 = before12; }
    public BigDecimal getAfter12() { return after12; }
    public void setAfter12(BigDecimal after12) { this.after12 = after12; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
}
