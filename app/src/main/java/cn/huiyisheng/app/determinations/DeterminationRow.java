package cn.huiyisheng.app.determinations;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code determination}, a record never updated, with its seal from {@code determination_seal} once sealed. */
public class DeterminationRow {
    private Long id;
    /** The position in the chain, with the link and hash below: null until the record is sealed. */
    private Long seq;
    /** The record a seal names (the chain's reading only): set even when the record itself was deleted. */
    private Long sealedId;
    private Long claimId;
    private LocalDate asOf;
    private Instant knownAt;
    private String periodFrom;
    private String periodTo;
    private String benefits;
    private String factsJson;
    private String versionsJson;
    /** The result as text (column result_json): the records made before V39; null for those stored compressed. */
    private String resultJson;
    /** Since V39: the SHA-256 of the result's UTF-8 text, and that text compressed ({@link SealedResult}). */
    private String resultSha256;
    private byte[] resultZ;
    /** The compressed result's text, once inflated (not part of the row). */
    private String inflated;
    private String engineVersion;
    /** FULL or CLAIM: see {@code SealedDeterminations#SCOPE_CLAIM}. */
    private String scope = "FULL";
    private Instant recordedAt;
    private String prevHash;
    private String hash;
    private String recordsJson;
    /** Read with a claim's determination to grant: whether the claim asked for no last month (not part of the record). */
    private boolean claimOpenEnded;

    public boolean isClaimOpenEnded() { return claimOpenEnded; }
    public void setClaimOpenEnded(boolean claimOpenEnded) { this.claimOpenEnded = claimOpenEnded; }

    public String getRecordsJson() { return recordsJson; }
    public void setRecordsJson(String recordsJson) { this.recordsJson = recordsJson; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public Long getSealedId() { return sealedId; }
    public void setSealedId(Long sealedId) { this.sealedId = sealedId; }
    public Long getClaimId() { return claimId; }
    public void setClaimId(Long claimId) { this.claimId = claimId; }
    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
    public Instant getKnownAt() { return knownAt; }
    public void setKnownAt(Instant knownAt) { this.knownAt = knownAt; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String periodFrom) { this.periodFrom = periodFrom; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String periodTo) { this.periodTo = periodTo; }
    public String getBenefits() { return benefits; }
    public void setBenefits(String benefits) { this.benefits = benefits; }
    public String getFactsJson() { return factsJson; }
    public void setFactsJson(String factsJson) { this.factsJson = factsJson; }
    public String getVersionsJson() { return versionsJson; }
    public void setVersionsJson(String versionsJson) { this.versionsJson = versionsJson; }
    /**
     * The sealed result's text: the compressed one when the record has one (even if a text was
     * put beside it: the seal covers both as stored, so such a record fails its check), else the text.
     */
    public String getResultJson() {
        if (resultZ == null) {
            return resultJson;
        }
        if (inflated == null) {
            inflated = SealedResult.inflate(resultZ);
        }
        return inflated;
    }
    public void setResultJson(String resultJson) { this.resultJson = resultJson; }
    /** The column result_json as stored (null for a record stored compressed). */
    public String getStoredResultJson() { return resultJson; }
    public String getResultSha256() { return resultSha256; }
    public void setResultSha256(String resultSha256) { this.resultSha256 = resultSha256; }
    public byte[] getResultZ() { return resultZ; }
    public void setResultZ(byte[] resultZ) { this.resultZ = resultZ; this.inflated = null; }
    /** Stores {@code json} compressed with its SHA-256 (the records made since V39), not as text. */
    public void storeResult(String json) {
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.resultJson = null;
        this.resultSha256 = SealedResult.sha256(utf8);
        this.resultZ = SealedResult.compress(utf8);
        this.inflated = json;
    }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getEngineVersion() { return engineVersion; }
    public void setEngineVersion(String engineVersion) { this.engineVersion = engineVersion; }
    public Instant getRecordedAt() { return recordedAt; }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
    public String getPrevHash() { return prevHash; }
    public void setPrevHash(String prevHash) { this.prevHash = prevHash; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
}
