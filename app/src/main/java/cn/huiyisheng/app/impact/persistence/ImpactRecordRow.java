package cn.huiyisheng.app.impact.persistence;

import java.time.LocalDate;

/** A claim's latest sealed determination, as a simulation reads it: its facts, dates, scope and records. */
public class ImpactRecordRow {
    private long determinationId;
    private long claimId;
    private LocalDate asOf;
    private String periodFrom;
    private String periodTo;
    private String benefits;
    private String factsJson;
    private String recordsJson;

    public long getDeterminationId() { return determinationId; }
    public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String periodFrom) { this.periodFrom = periodFrom; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String periodTo) { this.periodTo = periodTo; }
    public String getBenefits() { return benefits; }
    public void setBenefits(String benefits) { this.benefits = benefits; }
    public String getFactsJson() { return factsJson; }
    public void setFactsJson(String factsJson) { this.factsJson = factsJson; }
    public String getRecordsJson() { return recordsJson; }
    public void setRecordsJson(String recordsJson) { this.recordsJson = recordsJson; }
}
