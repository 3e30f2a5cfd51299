package cn.huiyisheng.app.claims.persistence;

import java.time.Instant;

/** A document of a claim (claim_document); {@code content} is read only when the document itself is asked for. */
public class ClaimDocumentRow {
    private long id;
    private String kind;
    private String filename;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String uploadedBy;
    private Instant uploadedAt;
    private byte[] content;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getFilename() { return filename; }
    public void setFilename(String filename) { this.filename = filename; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public void setUploadedBy(String uploadedBy) { this.uploadedBy = uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(Instant uploadedAt) { this.uploadedAt = uploadedAt; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] content) { this.content = content; }
}
