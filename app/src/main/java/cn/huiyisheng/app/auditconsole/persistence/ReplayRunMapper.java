package cn.huiyisheng.app.auditconsole.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bulk replays, their chunks and the records that did not replay identically. */
@Mapper
public interface ReplayRunMapper {

    int insert(ReplayRunRow row);

    int setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    ReplayRunRow find(@Param("id") long id);

    List<ReplayRunRow> latest(@Param("limit") int limit);

    /** The range of the chain and how many records the filters select there. */
    Range range(@Param("c") AuditIndexMapper.Criteria criteria);

    /** The records of one chunk of the chain that the filters select: determination ids, in chain order. */
    List<Long> idsInRange(@Param("c") AuditIndexMapper.Criteria criteria, @Param("fromSeq") long fromSeq, @Param("toSeq") long toSeq);

    boolean hasChunk(@Param("runId") long runId, @Param("chunk") int chunk);

    int insertChunk(@Param("runId") long runId, @Param("chunk") int chunk, @Param("records") int records, @Param("identical") int identical,
                    @Param("drifted") int drifted, @Param("failed") int failed, @Param("amountDrift") BigDecimal amountDrift,
                    @Param("causesJson") String causesJson, @Param("at") Instant at);

    /** Counts a chunk in: locks the run's row until the transaction ends. */
    int chunkDone(@Param("id") long id, @Param("records") int records);

    int chunksDone(@Param("id") long id);

    int requestCancel(@Param("id") long id);

    int finish(@Param("id") long id, @Param("status") String status, @Param("at") Instant at, @Param("resultJson") String resultJson);

    List<ChunkRow> chunks(@Param("runId") long runId);

    int insertItems(@Param("items") List<ItemRow> items);

    List<ItemRow> items(@Param("runId") long runId, @Param("limit") int limit, @Param("offset") long offset);

    class Range {
        private Long minSeq;
        private Long maxSeq;
        private long records;

        public Long getMinSeq() { return minSeq; }
        public void setMinSeq(Long minSeq) { this.minSeq = minSeq; }
        public Long getMaxSeq() { return maxSeq; }
        public void setMaxSeq(Long maxSeq) { this.maxSeq = maxSeq; }
        public long getRecords() { return records; }
        public void setRecords(long records) { this.records = records; }
    }

    class ChunkRow {
        private int chunkNo;
        private int records;
        private int identical;
        private int drifted;
        private int failed;
        private BigDecimal amountDrift;
        private String causesJson;

        public int getChunkNo() { return chunkNo; }
        public void setChunkNo(int chunkNo) { this.chunkNo = chunkNo; }
        public int getRecords() { return records; }
        public void setRecords(int records) { this.records = records; }
        public int getIdentical() { return identical; }
        public void setIdentical(int identical) { this.identical = identical; }
        public int getDrifted() { return drifted; }
        public void setDrifted(int drifted) { this.drifted = drifted; }
        public int getFailed() { return failed; }
        public void setFailed(int failed) { this.failed = failed; }
        public BigDecimal getAmountDrift() { return amountDrift; }
        public void setAmountDrift(BigDecimal amountDrift) { this.amountDrift = amountDrift; }
        public String getCausesJson() { return causesJson; }
        public void setCausesJson(String causesJson) { this.causesJson = causesJson; }
    }

    class ItemRow {
        private long runId;
        private long determinationId;
        private long seq;
        private long claimId;
        private String reference;
        private String outcome;
        private String cause;
        private BigDecimal amountDrift;
        private String detail;

        public long getRunId() { return runId; }
        public void setRunId(long runId) { this.runId = runId; }
        public long getDeterminationId() { return determinationId; }
        public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
        public long getSeq() { return seq; }
        public void setSeq(long seq) { this.seq = seq; }
        public long getClaimId() { return claimId; }
        public void setClaimId(long claimId) { this.claimId = claimId; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getCause() { return cause; }
        public void setCause(String cause) { this.cause = cause; }
        public BigDecimal getAmountDrift() { return amountDrift; }
        public void setAmountDrift(BigDecimal amountDrift) { this.amountDrift = amountDrift; }
        public String getDetail() { return detail; }
        public void setDetail(String detail) { this.detail = detail; }
    }
}
