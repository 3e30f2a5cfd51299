package cn.huiyisheng.app.policy.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * Versions of decision tables. There is deliberately no update of a published row: published
 * versions never change (withdrawal, later, sets only {@code withdrawn_at}).
 */
@Mapper
public interface PolicyVersionMapper {

    /** Inserts a version; a second row with the same table and version number violates uq_policy_version. */
    int insert(PolicyVersionRow row);

    PolicyVersionRow find(@Param("tableCode") String tableCode, @Param("versionNo") int versionNo);

    /** Every published (or withdrawn) version with its bytes: the catalogue needs them all. */
    List<PolicyVersionRow> findPublished();

    List<PolicyVersionRow> findByTable(@Param("tableCode") String tableCode);

    int count();

    /** The highest version number of a table, or null when it has none. */
    Integer maxVersion(@Param("tableCode") String tableCode);

    /**
     * Every published (or withdrawn) version without its bytes: what a node compares with its
     * catalogue every half second to learn of versions published or withdrawn by any node.
     */
    List<PolicyVersionRow> findPublishedHeads();

    PolicyVersionRow findById(@Param("id") long id);

    /**
     * Withdraws a published version whose validFrom is after {@code today}: the only change a
     * published row ever sees (its status and withdrawn_at; its rules and bytes stay).
     */
    int withdraw(@Param("tableCode") String tableCode, @Param("versionNo") int versionNo, @Param("at") java.time.Instant at,
                 @Param("today") java.time.LocalDate today);
}
