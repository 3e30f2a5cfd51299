package cn.huiyisheng.app.determinations.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Sealed determinations: insert and read only. The chain head is the one row that changes. */
@Mapper
public interface DeterminationMapper {

    /** The chain head, locked until the transaction ends: appends are serialised. */
    ChainHead lockChainHead();

    int advanceChainHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash);

    int insert(DeterminationRow row);

    DeterminationRow find(@Param("id") long id);

    DeterminationRow findLatestByClaim(@Param("claimId") long claimId);

    /**
     * The latest determination (id, seq, claim id, result only) of the claim with this reference, unless entitlements were granted from
     * it already; null then, and when the claim has none.
     */
    DeterminationRow findUngrantedLatestByClaim(@Param("reference") String reference);

    List<DeterminationRow> findByClaim(@Param("claimId") long claimId);

    /** A page of the chain in order, from a sequence number on. */
    List<DeterminationRow> findChain(@Param("fromSeq") long fromSeq, @Param("limit") int limit);

    /** The head of the chain as stored. */
    class ChainHead {
        private long lastSeq;
        private String lastHash;

        public long getLastSeq() { return lastSeq; }
        public void setLastSeq(long lastSeq) { this.lastSeq = lastSeq; }
        public String getLastHash() { return lastHash; }
        public void setLastHash(String lastHash) { this.lastHash = lastHash; }
    }
}
