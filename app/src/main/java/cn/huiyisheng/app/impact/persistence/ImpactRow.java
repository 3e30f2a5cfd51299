package cn.huiyisheng.app.impact.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A simulation of a draft's impact (policy_impact). */
public class ImpactRow {
    private long id;
    private long draftId;
    private int draftRevision;
    private String draftSha256;
    private String tableCode;
    private LocalDate validFrom;
    private Instant knownAt;
    private String versionsJson;
    private String status;
    private long claimFrom;
    private long claimTo;
    private int chunkClaims;
    private int chunksTotal;
    private int chunksDone;
    private long recordsDone;
    private boolean cancelRequested;
    private String startedBy;
    private Instant startedAt;
    private Instant finishedAt;
    private String processInstanceId;
    private String resultJson;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public long getDraftId() { return draftId; }
    public void setDraftId(long draftId) { this.draftId = draftId; }
    public int getDraftRevision() { return draftRevision; }
    public void setDraftRevision(int draftRevision) { this.draftRevision = draftRevision; }
    public String getDraftSha256() { return draftSha256; }
    public void setDraftSha256(String draftSha256) { this.draftSha256 = draftSha256; }
    public String getTableCode() { return tableCode; }
    public void setTableCode(String tableCode) { this.tableCode = tableCode; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public Instant getKnownAt() { return knownAt; }
    public void setKnownAt(Instant knownAt) { this.knownAt = knownAt; }
    public String getVersionsJson() { return versionsJson; }
    public void setVersionsJson(String versionsJson) { this.versionsJson = versionsJson; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getClaimFrom() { return claimFrom; }
    public void setClaimFrom(long claimFrom) { this.claimFrom = claimFrom; }
    public long getClaimTo() { return claimTo; }
    public void setClaimTo(long claimTo) { this.claimTo = claimTo; }
    public int getChunkClaims() { return chunkClaims; }
    public void setChunkClaims(int chunkClaims) { this.chunkClaims = chunkClaims; }
    public int getChunksTotal() { return chunksTotal; }
    public void setChunksTotal(int chunksTotal) { this.chunksTotal = chunksTotal; }
    public int getChunksDone() { return chunksDone; }
    public void setChunksDone(int chunksDone) { this.chunksDone = chunksDone; }
    public long getRecordsDone() { return recordsDone; }
    public void setRecordsDone(long recordsDone) { this.recordsDone = recordsDone; }
    public boolean isCancelRequested() { return cancelRequested; }
    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; }
    public String getStartedBy() { return startedBy; }
    public void setStartedBy(String startedBy) { this.startedBy = startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getResultJson() { return resultJson; }
    public void setResultJson(String resultJson) { this.resultJson = resultJson; }
}
