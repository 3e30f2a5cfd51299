package cn.huiyisheng.app.payments.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A change the applicant reported (change_report, V36), with its claim's reference and first standing entitlement when read for the list. */
public class ChangeReportRow {
    private long id;
    private long claimId;
    private String username;
    private String kind;
    private LocalDate eventDate;
    private String note;
    private Instant createdAt;
    private String status;
    private String claimReference;
    private Long standingId;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public LocalDate getEventDate() { return eventDate; }
    public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getClaimReference() { return claimReference; }
    public void setClaimReference(String claimReference) { this.claimReference = claimReference; }
    public Long getStandingId() { return standingId; }
    public void setStandingId(Long standingId) { this.standingId = standingId; }
}
