package cn.huiyisheng.app.audit.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

@Mapper
public interface SecurityEventMapper {

    int insert(SecurityEventRow row);

    /** How many events of this type an actor has had since an instant. */
    int countByActor(@Param("actor") String actor, @Param("type") String type, @Param("since") Instant since);

    /** How many events of this type have come from an address since an instant. */
    int countByAddress(@Param("address") String address, @Param("type") String type, @Param("since") Instant since);

    /** The instants of the latest events of this type for an actor or from an address, newest first. */
    List<Instant> latestAt(@Param("actor") String actor, @Param("address") String address, @Param("type") String type,
                           @Param("since") Instant since, @Param("limit") int limit);

    /** The newest events, optionally of one actor and one type. */
    List<SecurityEventRow> find(@Param("actor") String actor, @Param("type") String type, @Param("limit") int limit);

    /** Events by who, what, outcome, target text and time ([from, to)), newest first, a page at a time. */
    List<SecurityEventRow> search(@Param("f") cn.huiyisheng.app.audit.SecurityTrail.Filter filter, @Param("limit") int limit,
                                  @Param("offset") long offset);

    long countMatching(@Param("f") cn.huiyisheng.app.audit.SecurityTrail.Filter filter);

    record ChainHead(long lastSeq, String lastHash, Instant lastEventAt) {
    }

    ChainHead lockChainHead();

    /** The chain head as it stands, not locked. */
    ChainHead readChainHead();

    int advanceChainHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash, @Param("lastEventAt") Instant lastEventAt);

    /** Events not sealed yet, stamped at or after an instant, in id order. */
    List<SecurityEventRow> findUnsealed(@Param("since") Instant since, @Param("limit") int limit);

    int insertSeals(@Param("rows") List<SecurityEventRow> rows, @Param("sealedAt") Instant sealedAt);

    /** Seals from a sequence number on, each with its event's content (null fields when the event is gone). */
    List<SecurityEventRow> findChain(@Param("fromSeq") long fromSeq, @Param("limit") int limit);

    /** Events stamped before an instant that no seal holds. */
    int countUnsealedBefore(@Param("before") Instant before);
}
