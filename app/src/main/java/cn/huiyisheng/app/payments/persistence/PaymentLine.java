package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;

/** A payment of a run with what the bank file needs: its claim's payee and account. */
public class PaymentLine {
    private long paymentId;
    private String period;
    private BigDecimal amount;
    private String payer;
    private String status;
    private String benefit;
    private String subjectPath;
    private String householdJson;
    private String bankAccount;
    private String claimReference;
    private String failureReason;
    /** The correction a top-up pays (its version), null for a month's regular payment. */
    private String correction;
    /** What the payment withholds to recover an overpayment ({@link #getAmount()} is the amount less it, what the bank pays). */
    private BigDecimal withheld;

    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }

    public String getFailureReason() { return failureReason; }
    public void setFailureReason(String failureReason) { this.failureReason = failureReason; }

    public long getPaymentId() { return paymentId; }
    public void setPaymentId(long paymentId) { this.paymentId = paymentId; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getSubjectPath() { return subjectPath; }
    public void setSubjectPath(String subjectPath) { this.subjectPath = subjectPath; }
    public String getHouseholdJson() { return householdJson; }
    public void setHouseholdJson(String householdJson) { this.householdJson = householdJson; }
    public String getBankAccount() { return bankAccount; }
    public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
    public String getClaimReference() { return claimReference; }
    public void setClaimReference(String claimReference) { this.claimReference = claimReference; }

    public BigDecimal getWithheld() {
        return withheld;
    }

    public void setWithheld(BigDecimal withheld) {
        this.withheld = withheld;
    }
}
