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
}
