package cn.huiyisheng.app.portal.persistence;

import java.time.Instant;

/** A document uploaded to a claim draft (draft_document, V34); {@code content} is read only when it is copied to the claim. */
public class DraftDocumentRow {
    private Long id;
    private long draftId;
    private String kind;
    private String filename;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private byte[] content;
    private Instant uploadedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getDraftId() { return draftId; }
    public void setDraftId(long draftId) { this.draftId = draftId; }
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
    public byte[] getContent() { return content; }
    public void setContent(byte[] content) { this.content = content; }
    public Instant getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(Instant uploadedAt) { this.uploadedAt = uploadedAt; }
}
