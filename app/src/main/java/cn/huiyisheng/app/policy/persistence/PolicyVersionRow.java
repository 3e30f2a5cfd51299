package cn.huiyisheng.app.policy.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code policy_version}. */
public class PolicyVersionRow {

    private Long id;
    private String tableCode;
    private int versionNo;
    private String status;
    private LocalDate validFrom;
    private Instant publishedAt;
    private Instant withdrawnAt;
    private String author;
    private String approver;
    private String sha256;
    private String basisDocument;
    private String basisClause;
    private String changeNote;
    private String figures;
    private String sourcesJson;
    private String knownGapsJson;
    private byte[] spreadsheet;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTableCode() { return tableCode; }
    public void setTableCode(String tableCode) { this.tableCode = tableCode; }
    public int getVersionNo() { return versionNo; }
    public void setVersionNo(int versionNo) { this.versionNo = versionNo; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    public void setWithdrawnAt(Instant withdrawnAt) { this.withdrawnAt = withdrawnAt; }
    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = author; }
    public String getApprover() { return approver; }
    public void setApprover(String approver) { this.approver = approver; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
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
    public String getKnownGapsJson() { return knownGapsJson; }
    public void setKnownGapsJson(String knownGapsJson) { this.knownGapsJson = knownGapsJson; }
    public byte[] getSpreadsheet() { return spreadsheet; }
    public void setSpreadsheet(byte[] spreadsheet) { this.spreadsheet = spreadsheet; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
