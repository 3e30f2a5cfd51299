package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code payment}, unique per entitlement and period ({@code 2014-03}, {@code 2014} or
 * {@code ONCE}). SCHEDULED -> IN_RUN -> PAID, or -> FAILED -> (next run) IN_RUN -> ...
 */
public class PaymentRow {
    private Long id;
    private long entitlementId;
    private String period;
    private String dueMonth;
    private BigDecimal amount;
    private String payer;
    private String status;
    private Long runId;
    private int attempts;
    private Instant paidAt;
    private String failureReason;
    /** REGULAR, or TOP_UP for a correction (named by {@code correction}, its version). */
    private String kind = "REGULAR";
    private String correction;

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getEntitlementId() { return entitlementId; }
    public void setEntitlementId(long entitlementId) { this.entitlementId = entitlementId; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getDueMonth() { return dueMonth; }
    public void setDueMonth(String dueMonth) { this.dueMonth = dueMonth; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getRunId() { return runId; }
    public void setRunId(Long runId) { this.runId = runId; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public String getFailureReason() { return failureReason; }
    public void setFailureReason(String failureReason) { this.failureReason = failureReason; }
}
