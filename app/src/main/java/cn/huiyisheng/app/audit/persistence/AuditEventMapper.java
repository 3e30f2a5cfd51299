package cn.huiyisheng.app.audit.persistence;

import cn.huiyisheng.app.audit.AuditEventRow;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface AuditEventMapper {

    /** A claim's events, oldest first (written by {@link AuditEventWriter}). */
    List<AuditEventRow> findByClaim(@Param("claimId") long claimId);
}
