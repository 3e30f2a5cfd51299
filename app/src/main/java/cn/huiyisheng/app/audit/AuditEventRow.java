package cn.huiyisheng.app.audit;

import java.time.Instant;

/** A row of {@code audit_event}: something that happened, who did it, when. */
public class AuditEventRow {
    private Long id;
    private Instant at;
    private String actor;
    private Long claimId;
    private Long runId;
    private String type;
    private String detail;
    private String params;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Instant getAt() { return at; }
    public void setAt(Instant at) { this.at = at; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public Long getClaimId() { return claimId; }
    public void setClaimId(Long claimId) { this.claimId = claimId; }
    public Long getRunId() { return runId; }
    public void setRunId(Long runId) { this.runId = runId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getParams() { return params; }
    public void setParams(String params) { this.params = params; }
}
