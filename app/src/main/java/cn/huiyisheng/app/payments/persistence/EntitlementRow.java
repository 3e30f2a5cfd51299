package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code entitlement}: what a claim was granted, per benefit, subject and segment. */
public class EntitlementRow {
    private Long id;
    private long claimId;
    private long determinationId;
    private String benefit;
    private String subjectPath;
    private String subjectLabel;
    private String periodicity;
    private String periodFrom;
    private String periodTo;
    private BigDecimal amount;
    private String payer;
    private String versionId;
    private String versionSha256;
    private String rowId;
    private Instant createdAt;
    /** The standing entitlement this segment belongs to, for a recurring benefit that continues (null otherwise). */
    private Long recurringId;

    public Long getRecurringId() { return recurringId; }
    public void setRecurringId(Long recurringId) { this.recurringId = recurringId; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public long getDeterminationId() { return determinationId; }
    public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getSubjectPath() { return subjectPath; }
    public void setSubjectPath(String subjectPath) { this.subjectPath = subjectPath; }
    public String getSubjectLabel() { return subjectLabel; }
    public void setSubjectLabel(String subjectLabel) { this.subjectLabel = subjectLabel; }
    public String getPeriodicity() { return periodicity; }
    public void setPeriodicity(String periodicity) { this.periodicity = periodicity; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String periodFrom) { this.periodFrom = periodFrom; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String periodTo) { this.periodTo = periodTo; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public String getVersionId() { return versionId; }
    public void setVersionId(String versionId) { this.versionId = versionId; }
    public String getVersionSha256() { return versionSha256; }
    public void setVersionSha256(String versionSha256) { this.versionSha256 = versionSha256; }
    public String getRowId() { return rowId; }
    public void setRowId(String rowId) { this.rowId = rowId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
