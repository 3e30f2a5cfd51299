package cn.huiyisheng.app.claims.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Mapper
public interface ClaimMapper {

    /** A document of a claim (claim_document; the kind: a checklist item, V34). */
    @org.apache.ibatis.annotations.Insert("INSERT INTO claim_document (claim_id, kind, filename, content_type, size_bytes, sha256, content,"
            + " uploaded_by, uploaded_at) VALUES (#{claimId}, #{kind}, #{filename}, #{contentType}, #{size}, #{sha256}, #{content},"
            + " #{by}, #{at})")
    int insertDocument(@Param("claimId") long claimId, @Param("kind") String kind, @Param("filename") String filename,
                       @Param("contentType") String contentType, @Param("size") long size, @Param("sha256") String sha256,
                       @Param("content") byte[] content, @Param("by") String by, @Param("at") Instant at);

    /** A claim's documents, without their content. */
    @org.apache.ibatis.annotations.Select("SELECT id, kind, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
            + " FROM claim_document WHERE claim_id = #{claimId} ORDER BY id")
    List<ClaimDocumentRow> documentsOf(@Param("claimId") long claimId);

    @org.apache.ibatis.annotations.Select("SELECT id, kind, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content"
            + " FROM claim_document WHERE claim_id = #{claimId} AND id = #{id}")
    ClaimDocumentRow documentContent(@Param("claimId") long claimId, @Param("id") long id);

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

    /* the review recorded and the approval: ClaimUpdates (JDBC, fixed statements) */

    int setEvaluated(@Param("id") long id, @Param("status") String status, @Param("amountTotal") BigDecimal amountTotal);

    /** The corrected household and the searchable columns derived from it (id, householdJson and those columns of the row). */
    int setHousehold(@Param("row") ClaimRow row);

    /**
     * Records the second approval unless the supervisor is the claim's reviewer (four eyes) or one
     * of its household (a conflict of interest): 0 rows then.
     */
    int setSecondApproval(@Param("reference") String reference, @Param("secondApprover") String secondApprover,
                          @Param("decision") String decision, @Param("reason") String reason, @Param("personKey") String personKey,
                          @Param("at") Instant at);


    /**
     * One of the system's records an evaluation uses. {@code HELD}: a grant another claim holds for
     * one of the parents (benefit, person key, period). {@code PERSON} / {@code BANK_ACCOUNT}: another
     * claim sharing a person (applicant, spouse or child, by key; the role is this claim's) or the
     * bank account; "same household" when its applicant is one of this claim's parents.
     */
    record RecordRow(String kind, String role, String reference, String status, boolean sameHousehold, String benefit,
                     String personKey, String period, long claimId) {
    }



    int deleteParties(@Param("claimId") long claimId);

    /** Whether the person with this key is one of the household of the claim with this reference. */
    boolean isParty(@Param("reference") String reference, @Param("personKey") String personKey);

    int setDecided(@Param("id") long id, @Param("status") String status, @Param("decidedAt") Instant decidedAt);

    /** One page of open tasks (MINE, GROUP or OPEN = both) with their claims; see {@link TaskQuery}. */
    List<TaskRow> taskPage(@Param("q") TaskQuery query);

    long taskCount(@Param("q") TaskQuery query);

    /** One page of the claims the user reviewed or gave the second approval, the latest first. */
    List<TaskRow> donePage(@Param("q") TaskQuery query);

    long doneCount(@Param("q") TaskQuery query);

    /** Claims awaiting a second approval that no enabled supervisor may give (the oldest first, at most 500). */
    List<TaskRow> blockedSecondApprovals();
}
