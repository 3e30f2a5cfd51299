package cn.huiyisheng.app.auditconsole.persistence;

import java.time.Instant;

/** A row of {@code replay_run}. */
public class ReplayRunRow {
    private Long id;
    private String mode;
    private String criteriaJson;
    private Instant knownAt;
    private String status;
    private long seqFrom;
    private int seqSpan;
    private int chunksTotal;
    private int chunksDone;
    private long recordsTotal;
    private long recordsDone;
    private boolean cancelRequested;
    private String startedBy;
    private Instant startedAt;
    private Instant finishedAt;
    private String processInstanceId;
    private String resultJson;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getCriteriaJson() { return criteriaJson; }
    public void setCriteriaJson(String criteriaJson) { this.criteriaJson = criteriaJson; }
    public Instant getKnownAt() { return knownAt; }
    public void setKnownAt(Instant knownAt) { this.knownAt = knownAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getSeqFrom() { return seqFrom; }
    public void setSeqFrom(long seqFrom) { this.seqFrom = seqFrom; }
    public int getSeqSpan() { return seqSpan; }
    public void setSeqSpan(int seqSpan) { this.seqSpan = seqSpan; }
    public int getChunksTotal() { return chunksTotal; }
    public void setChunksTotal(int chunksTotal) { this.chunksTotal = chunksTotal; }
    public int getChunksDone() { return chunksDone; }
    public void setChunksDone(int chunksDone) { this.chunksDone = chunksDone; }
    public long getRecordsTotal() { return recordsTotal; }
    public void setRecordsTotal(long recordsTotal) { this.recordsTotal = recordsTotal; }
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
