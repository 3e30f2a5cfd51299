package cn.huiyisheng.app.claims.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code claim}. */
public class ClaimRow {
    private Long id;
    private String reference;
    private String applicantUsername;
    private String idempotencyKey;
    private String requestSha256;
    private String status;
    private String householdJson;
    private String benefits;
    private String periodFrom;
    private String periodTo;
    private String bankAccount;
    private String bankName;
    private Instant submittedAt;
    private Instant decidedAt;
    private String reviewer;
    private String secondApprover;
    private String decisionReason;
    private BigDecimal amountTotal;
    /** What the staff's lists search by, from the household: the applicant's name, the ID number's last four, the district. */
    private String applicantName;
    private String applicantIdTail;
    /** The applicant's person key (see {@code ClaimParties.householdKey}). */
    private String applicantKey;
    /** Claimed without a last month: for as long as the conditions hold (its period ends with the month it was submitted). */
    private boolean openEnded;
    private String district;
    private Instant reviewedAt;
    private Instant secondApprovedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getApplicantUsername() { return applicantUsername; }
    public void setApplicantUsername(String applicantUsername) { this.applicantUsername = applicantUsername; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequestSha256() { return requestSha256; }
    public void setRequestSha256(String requestSha256) { this.requestSha256 = requestSha256; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getHouseholdJson() { return householdJson; }
    public void setHouseholdJson(String householdJson) { this.householdJson = householdJson; }
    public String getBenefits() { return benefits; }
    public void setBenefits(String benefits) { this.benefits = benefits; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String periodFrom) { this.periodFrom = periodFrom; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String periodTo) { this.periodTo = periodTo; }
    public String getBankAccount() { return bankAccount; }
    public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
    public String getBankName() { return bankName; }
    public void setBankName(String bankName) { this.bankName = bankName; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getReviewer() { return reviewer; }
    public void setReviewer(String reviewer) { this.reviewer = reviewer; }
    public String getSecondApprover() { return secondApprover; }
    public void setSecondApprover(String secondApprover) { this.secondApprover = secondApprover; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
    public BigDecimal getAmountTotal() { return amountTotal; }
    public void setAmountTotal(BigDecimal amountTotal) { this.amountTotal = amountTotal; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public boolean isOpenEnded() { return openEnded; }
    public void setOpenEnded(boolean openEnded) { this.openEnded = openEnded; }
    public String getApplicantKey() { return applicantKey; }
    public void setApplicantKey(String applicantKey) { this.applicantKey = applicantKey; }
    public String getApplicantIdTail() { return applicantIdTail; }
    public void setApplicantIdTail(String applicantIdTail) { this.applicantIdTail = applicantIdTail; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public Instant getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Instant reviewedAt) { this.reviewedAt = reviewedAt; }
    public Instant getSecondApprovedAt() { return secondApprovedAt; }
    public void setSecondApprovedAt(Instant secondApprovedAt) { this.secondApprovedAt = secondApprovedAt; }

    /** Fills the searchable columns from the claim's household (null-safe: an incomplete household leaves them empty). */
    public void searchableFrom(cn.huiyisheng.rules.household.Household h) {
        cn.huiyisheng.rules.household.Person a = h == null ? null : h.applicant();
        String name = a == null || a.name() == null || a.name().isBlank() ? null : a.name().strip();
        applicantName = name == null || name.length() <= 100 ? name : name.substring(0, 100);
        String id = a == null || a.idNumber() == null ? null : a.idNumber().strip();
        applicantIdTail = id == null || id.length() < 4 ? null : id.substring(id.length() - 4).toUpperCase(java.util.Locale.ROOT);
        String d = a == null || a.registration() == null || a.registration().district() == null ? null : a.registration().district().strip();
        district = d == null || d.isEmpty() ? null : d.length() <= 32 ? d : d.substring(0, 32);
    }
}
