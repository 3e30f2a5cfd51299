package cn.huiyisheng.app.audit.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface AuditEventMapper {

    int insert(AuditEventRow row);

    List<AuditEventRow> findByClaim(@Param("claimId") long claimId);
}
