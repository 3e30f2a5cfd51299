package cn.huiyisheng.app.claims.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a staff task list, read in one statement with its claim: an open task (its work
 * item, joined to the claim by the process's business key) or, in the "done" list, a claim the user
 * decided (no task any more: {@code taskId} is null, {@code decision} and {@code actedAt} are set).
 */
public class TaskRow {
    private String taskId;
    private String name;
    private String kind;
    private Instant created;
    private String assignee;
    private Instant due;
    private String businessKey;
    private String reference;
    private String status;
    private BigDecimal amountTotal;
    private String applicantName;
    private String benefits;
    private String reviewer;
    private Instant submittedAt;
    private String district;
    private String decision;
    private Instant actedAt;

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Instant getCreated() { return created; }
    public void setCreated(Instant created) { this.created = created; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public Instant getDue() { return due; }
    public void setDue(Instant due) { this.due = due; }
    public String getBusinessKey() { return businessKey; }
    public void setBusinessKey(String businessKey) { this.businessKey = businessKey; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public BigDecimal getAmountTotal() { return amountTotal; }
    public void setAmountTotal(BigDecimal amountTotal) { this.amountTotal = amountTotal; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getBenefits() { return benefits; }
    public void setBenefits(String benefits) { this.benefits = benefits; }
    public String getReviewer() { return reviewer; }
    public void setReviewer(String reviewer) { this.reviewer = reviewer; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public Instant getActedAt() { return actedAt; }
    public void setActedAt(Instant actedAt) { this.actedAt = actedAt; }
}
