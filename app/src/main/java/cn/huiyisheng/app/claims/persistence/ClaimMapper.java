package cn.huiyisheng.app.claims.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Mapper
public interface ClaimMapper {

    int insert(ClaimRow row);

    ClaimRow find(@Param("id") long id);

    ClaimRow findByReference(@Param("reference") String reference);

    ClaimRow findByIdempotencyKey(@Param("username") String username, @Param("key") String key);

    List<ClaimRow> findByApplicant(@Param("username") String username);

    int setStatus(@Param("id") long id, @Param("status") String status);

    int setEvaluated(@Param("id") long id, @Param("status") String status, @Param("amountTotal") BigDecimal amountTotal);

    int setHousehold(@Param("id") long id, @Param("householdJson") String householdJson);

    int setReview(@Param("id") long id, @Param("reviewer") String reviewer, @Param("reason") String reason);

    /** Records the second approval unless the supervisor is the claim's reviewer (four eyes): 0 rows then. */
    int setSecondApproval(@Param("id") long id, @Param("secondApprover") String secondApprover, @Param("reason") String reason);

    int setDecided(@Param("id") long id, @Param("status") String status, @Param("decidedAt") Instant decidedAt);
}
