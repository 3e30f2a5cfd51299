package cn.huiyisheng.app.audit.persistence;

import cn.huiyisheng.app.audit.AuditEventRow;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface AuditEventMapper {

    int insert(AuditEventRow row);

    /** Inserts the event for the claim of this reference (its id looked up in the same statement); 0 if none. */
    int insertForClaimReference(@Param("reference") String reference, @Param("row") AuditEventRow row);

    List<AuditEventRow> findByClaim(@Param("claimId") long claimId);
}
