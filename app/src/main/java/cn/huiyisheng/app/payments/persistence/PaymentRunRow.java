package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code payment_run}: STARTED -> COLLECTED -> FILES_WRITTEN -> RETURN_IMPORTED -> RECONCILED. */
public class PaymentRunRow {
    private Long id;
    private String runMonth;
    private String status;
    private String startedBy;
    private Instant startedAt;
    private Instant filesWrittenAt;
    private Instant reconciledAt;
    private String processInstanceId;
    private int paymentCount;
    private BigDecimal total;
    private byte[] returnFile;
    private String returnFileSha256;
    private String outcomeJson;
    /** Chunks of determination the run started, and how many are done. */
    private int chunksTotal;
    private int chunksDone;

    public int getChunksTotal() { return chunksTotal; }
    public void setChunksTotal(int chunksTotal) { this.chunksTotal = chunksTotal; }
    public int getChunksDone() { return chunksDone; }
    public void setChunksDone(int chunksDone) { this.chunksDone = chunksDone; }

    public String getOutcomeJson() { return outcomeJson; }
    public void setOutcomeJson(String outcomeJson) { this.outcomeJson = outcomeJson; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getRunMonth() { return runMonth; }
    public void setRunMonth(String runMonth) { this.runMonth = runMonth; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStartedBy() { return startedBy; }
    public void setStartedBy(String startedBy) { this.startedBy = startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getFilesWrittenAt() { return filesWrittenAt; }
    public void setFilesWrittenAt(Instant filesWrittenAt) { this.filesWrittenAt = filesWrittenAt; }
    public Instant getReconciledAt() { return reconciledAt; }
    public void setReconciledAt(Instant reconciledAt) { this.reconciledAt = reconciledAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public int getPaymentCount() { return paymentCount; }
    public void setPaymentCount(int paymentCount) { this.paymentCount = paymentCount; }
    public BigDecimal getTotal() { return total; }
    public void setTotal(BigDecimal total) { this.total = total; }
    public byte[] getReturnFile() { return returnFile; }
    public void setReturnFile(byte[] returnFile) { this.returnFile = returnFile; }
    public String getReturnFileSha256() { return returnFileSha256; }
    public void setReturnFileSha256(String returnFileSha256) { this.returnFileSha256 = returnFileSha256; }
}
