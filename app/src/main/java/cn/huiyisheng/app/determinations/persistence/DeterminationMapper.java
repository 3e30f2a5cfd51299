package cn.huiyisheng.app.determinations.persistence;

import cn.huiyisheng.app.determinations.DeterminationRow;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

/** Sealed determinations and their seals: insert and read only. The chain head is the one row that changes. */
@Mapper
public interface DeterminationMapper {

    /** The chain head, locked until the transaction ends: seals are appended by one sealer at a time. */
    ChainHead lockChainHead();

    /** The chain head as it stands, not locked. */
    ChainHead readChainHead();

    /** The highest position sealed, or null when nothing is. */
    Long maxSealSeq();

    int advanceChainHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash,
                         @Param("lastRecordedAt") Instant lastRecordedAt);

    /* a record is inserted by DeterminationRows (JDBC, a fixed statement) */

    DeterminationRow find(@Param("id") long id);

    DeterminationRow findLatestByClaim(@Param("claimId") long claimId);

    /** Records not sealed yet, recorded at or after an instant, in the order they were inserted. */
    List<DeterminationRow> findUnsealed(@Param("since") Instant since, @Param("limit") int limit);

    /** The seals of these records (their seq, prev hash and hash set), in one statement. */
    /* a pass's seals are written by SealRows */

    /** Records recorded before an instant and still in no seal. */
    int countUnsealedBefore(@Param("before") Instant before);

    /** Records recorded before {@code before}, sealed or not (an index range counted). */
    long countRecordedBefore(@Param("before") Instant before);

    /* the latest determination a claim's approval grants from: DeterminationRows (JDBC, a fixed statement) */

    List<DeterminationRow> findByClaim(@Param("claimId") long claimId);

    /** A page of the chain in seal order, from a sequence number on; a seal whose record is gone has no claim id. */
    List<DeterminationRow> findChain(@Param("fromSeq") long fromSeq, @Param("limit") int limit);

    /** The head of the chain as stored. */
    class ChainHead {
        private long lastSeq;
        private String lastHash;
        private Instant lastRecordedAt;

        public Instant getLastRecordedAt() { return lastRecordedAt; }
        public void setLastRecordedAt(Instant lastRecordedAt) { this.lastRecordedAt = lastRecordedAt; }

        public long getLastSeq() { return lastSeq; }
        public void setLastSeq(long lastSeq) { this.lastSeq = lastSeq; }
        public String getLastHash() { return lastHash; }
        public void setLastHash(String lastHash) { this.lastHash = lastHash; }
    }
}
