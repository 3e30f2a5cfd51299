package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code payment_adjustment}: a top-up or an overpayment of one person's month, for a correction (V24). */
public class AdjustmentRow {
    private Long id;
    private long claimId;
    private long paymentId;
    private String personKey;
    private String benefit;
    private String period;
    private String cause;
    private String kind;
    private BigDecimal amountBefore;
    private BigDecimal amountAfter;
    private BigDecimal difference;
    private String status;
    private Long topUpPaymentId;
    private long determinationId;
    private Instant createdAt;
    private Long lifeEventId;
    /** What the paid payments that withheld this overpayment have recovered (V33). */
    private BigDecimal recovered;

    public Long getLifeEventId() { return lifeEventId; }
    public void setLifeEventId(Long lifeEventId) { this.lifeEventId = lifeEventId; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public long getPaymentId() { return paymentId; }
    public void setPaymentId(long paymentId) { this.paymentId = paymentId; }
    public String getPersonKey() { return personKey; }
    public void setPersonKey(String personKey) { this.personKey = personKey; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getCause() { return cause; }
    public void setCause(String cause) { this.cause = cause; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public BigDecimal getAmountBefore() { return amountBefore; }
    public void setAmountBefore(BigDecimal amountBefore) { this.amountBefore = amountBefore; }
    public BigDecimal getAmountAfter() { return amountAfter; }
    public void setAmountAfter(BigDecimal amountAfter) { this.amountAfter = amountAfter; }
    public BigDecimal getDifference() { return difference; }
    public void setDifference(BigDecimal difference) { this.difference = difference; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getTopUpPaymentId() { return topUpPaymentId; }
    public void setTopUpPaymentId(Long topUpPaymentId) { this.topUpPaymentId = topUpPaymentId; }
    public long getDeterminationId() { return determinationId; }
    public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }

    /** Filled by the workbench's queries only. */
    private String claimReference;
    public String getClaimReference() { return claimReference; }
    public void setClaimReference(String claimReference) { this.claimReference = claimReference; }

    /** Filled by the workbench's queries only. */
    private String subjectLabel;
    public String getSubjectLabel() { return subjectLabel; }
    public void setSubjectLabel(String subjectLabel) { this.subjectLabel = subjectLabel; }

    /** Filled by the workbench's queries only. */
    private Long standingId;
    public Long getStandingId() { return standingId; }
    public void setStandingId(Long standingId) { this.standingId = standingId; }

    public BigDecimal getRecovered() {
        return recovered;
    }

    public void setRecovered(BigDecimal recovered) {
        this.recovered = recovered;
    }
}
