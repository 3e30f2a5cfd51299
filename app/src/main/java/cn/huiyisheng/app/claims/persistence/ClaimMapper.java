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

    /** The id of the claim with this reference; null if there is none. */
    Long idOf(@Param("reference") String reference);

    int setStatus(@Param("id") long id, @Param("status") String status);

    int setStatusByReference(@Param("reference") String reference, @Param("status") String status);

    int setDecidedByReference(@Param("reference") String reference, @Param("status") String status,
                              @Param("decidedAt") Instant decidedAt);

    int setReviewByReference(@Param("reference") String reference, @Param("reviewer") String reviewer, @Param("reason") String reason);

    int setEvaluated(@Param("id") long id, @Param("status") String status, @Param("amountTotal") BigDecimal amountTotal);

    int setHousehold(@Param("id") long id, @Param("householdJson") String householdJson);

    /** Records the second approval unless the supervisor is the claim's reviewer (four eyes): 0 rows then. */
    int setSecondApproval(@Param("reference") String reference, @Param("secondApprover") String secondApprover, @Param("reason") String reason);

    int setDecided(@Param("id") long id, @Param("status") String status, @Param("decidedAt") Instant decidedAt);
}
