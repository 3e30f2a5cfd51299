package cn.huiyisheng.app.payments.persistence;

import java.time.Instant;

/** A row of {@code recurring_entitlement}: a standing entitlement to a recurring benefit (see V23). */
public class RecurringEntitlementRow {
    private Long id;
    private long claimId;
    private String benefit;
    private String subjectPath;
    private String subjectLabel;
    private String periodicity;
    private String startPeriod;
    private String determinedThrough;
    private String untilPeriod;
    private String status;
    private String endPeriod;
    private String endReason;
    private Instant createdAt;
    private Instant updatedAt;
    /** When the recipient must next confirm (yearly), for the benefits that need it; null otherwise. */
    private java.time.LocalDate confirmationDue;
    private java.time.LocalDate remindedFor;
    /** The monthly amount last paid or accepted by a reviewer: a change beyond the ratio from it is held for a reviewer. */
    private java.math.BigDecimal acceptedAmount;
    private String holdReason;
    private String acceptedVersion;

    public String getAcceptedVersion() { return acceptedVersion; }
    public void setAcceptedVersion(String acceptedVersion) { this.acceptedVersion = acceptedVersion; }

    public java.math.BigDecimal getAcceptedAmount() { return acceptedAmount; }
    public void setAcceptedAmount(java.math.BigDecimal acceptedAmount) { this.acceptedAmount = acceptedAmount; }
    public String getHoldReason() { return holdReason; }
    public void setHoldReason(String holdReason) { this.holdReason = holdReason; }

    public java.time.LocalDate getConfirmationDue() { return confirmationDue; }
    public void setConfirmationDue(java.time.LocalDate confirmationDue) { this.confirmationDue = confirmationDue; }
    public java.time.LocalDate getRemindedFor() { return remindedFor; }
    public void setRemindedFor(java.time.LocalDate remindedFor) { this.remindedFor = remindedFor; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getSubjectPath() { return subjectPath; }
    public void setSubjectPath(String subjectPath) { this.subjectPath = subjectPath; }
    public String getSubjectLabel() { return subjectLabel; }
    public void setSubjectLabel(String subjectLabel) { this.subjectLabel = subjectLabel; }
    public String getPeriodicity() { return periodicity; }
    public void setPeriodicity(String periodicity) { this.periodicity = periodicity; }
    public String getStartPeriod() { return startPeriod; }
    public void setStartPeriod(String startPeriod) { this.startPeriod = startPeriod; }
    public String getDeterminedThrough() { return determinedThrough; }
    public void setDeterminedThrough(String determinedThrough) { this.determinedThrough = determinedThrough; }
    public String getUntilPeriod() { return untilPeriod; }
    public void setUntilPeriod(String untilPeriod) { this.untilPeriod = untilPeriod; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getEndPeriod() { return endPeriod; }
    public void setEndPeriod(String endPeriod) { this.endPeriod = endPeriod; }
    public String getEndReason() { return endReason; }
    public void setEndReason(String endReason) { this.endReason = endReason; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    /** Filled by the workbench's queries only. */
    private String claimReference;
    public String getClaimReference() { return claimReference; }
    public void setClaimReference(String claimReference) { this.claimReference = claimReference; }

    /** The hold's reason in English (null for holds recorded before V31). */
    private String holdReasonEn;
    public String getHoldReasonEn() { return holdReasonEn; }
    public void setHoldReasonEn(String holdReasonEn) { this.holdReasonEn = holdReasonEn; }

    /** The end's reason in English (null for entitlements ended before V32). */
    private String endReasonEn;
    public String getEndReasonEn() { return endReasonEn; }
    public void setEndReasonEn(String endReasonEn) { this.endReasonEn = endReasonEn; }
}
