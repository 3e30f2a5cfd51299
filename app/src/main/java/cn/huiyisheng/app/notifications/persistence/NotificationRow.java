package cn.huiyisheng.app.notifications.persistence;

import java.time.Instant;

/** A message to an applicant (notification, V35). */
public class NotificationRow {
    private long id;
    private String username;
    private long claimId;
    private String claimReference;
    private String type;
    private String params;
    private Instant createdAt;
    private Instant readAt;
    private Instant smsSentAt;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public long getClaimId() { return claimId; }
    public void setClaimId(long claimId) { this.claimId = claimId; }
    public String getClaimReference() { return claimReference; }
    public void setClaimReference(String claimReference) { this.claimReference = claimReference; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getParams() { return params; }
    public void setParams(String params) { this.params = params; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getReadAt() { return readAt; }
    public void setReadAt(Instant readAt) { this.readAt = readAt; }
    public Instant getSmsSentAt() { return smsSentAt; }
    public void setSmsSentAt(Instant smsSentAt) { this.smsSentAt = smsSentAt; }
}
