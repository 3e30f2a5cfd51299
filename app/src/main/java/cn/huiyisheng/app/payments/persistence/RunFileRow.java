package cn.huiyisheng.app.payments.persistence;

import java.math.BigDecimal;

/** A bank disbursement file of a run, one per payer. */
public class RunFileRow {
    private Long id;
    private long runId;
    private String payer;
    private String filename;
    private byte[] content;
    private String sha256;
    private int lineCount;
    private BigDecimal total;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getRunId() { return runId; }
    public void setRunId(long runId) { this.runId = runId; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public String getFilename() { return filename; }
    public void setFilename(String filename) { this.filename = filename; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] content) { this.content = content; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public int getLineCount() { return lineCount; }
    public void setLineCount(int lineCount) { this.lineCount = lineCount; }
    public BigDecimal getTotal() { return total; }
    public void setTotal(BigDecimal total) { this.total = total; }
}
