package cn.huiyisheng.app.policy.persistence;

/** A row of {@code policy_draft}: a draft version of a table, with its spreadsheet and its review. */
public class PolicyDraftRow {

    private Long id;
    private String tableCode;
    private String status;
    private java.time.LocalDate validFrom;
    private String basisDocument;
    private String basisClause;
    private String changeNote;
    private String figures;
    private String sourcesJson;
    private byte[] spreadsheet;
    private String sha256;
    private int rowsCount;
    private String author;
    private java.time.Instant createdAt;
    private java.time.Instant updatedAt;
    private int revision;
    private java.time.Instant submittedAt;
    private String reviewer;
    private java.time.Instant decidedAt;
    private String reviewComment;
    private Integer publishedVersion;
    private String casesYaml;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTableCode() { return tableCode; }
    public void setTableCode(String tableCode) { this.tableCode = tableCode; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public java.time.LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(java.time.LocalDate validFrom) { this.validFrom = validFrom; }
    public String getBasisDocument() { return basisDocument; }
    public void setBasisDocument(String basisDocument) { this.basisDocument = basisDocument; }
    public String getBasisClause() { return basisClause; }
    public void setBasisClause(String basisClause) { this.basisClause = basisClause; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public String getFigures() { return figures; }
    public void setFigures(String figures) { this.figures = figures; }
    public String getSourcesJson() { return sourcesJson; }
    public void setSourcesJson(String sourcesJson) { this.sourcesJson = sourcesJson; }
    public byte[] getSpreadsheet() { return spreadsheet; }
    public void setSpreadsheet(byte[] spreadsheet) { this.spreadsheet = spreadsheet; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public int getRowsCount() { return rowsCount; }
    public void setRowsCount(int rowsCount) { this.rowsCount = rowsCount; }
    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = author; }
    public java.time.Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(java.time.Instant createdAt) { this.createdAt = createdAt; }
    public java.time.Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(java.time.Instant updatedAt) { this.updatedAt = updatedAt; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public java.time.Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(java.time.Instant submittedAt) { this.submittedAt = submittedAt; }
    public String getReviewer() { return reviewer; }
    public void setReviewer(String reviewer) { this.reviewer = reviewer; }
    public java.time.Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(java.time.Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getReviewComment() { return reviewComment; }
    public void setReviewComment(String reviewComment) { this.reviewComment = reviewComment; }
    public Integer getPublishedVersion() { return publishedVersion; }
    public void setPublishedVersion(Integer publishedVersion) { this.publishedVersion = publishedVersion; }
    public String getCasesYaml() { return casesYaml; }
    public void setCasesYaml(String casesYaml) { this.casesYaml = casesYaml; }
}
