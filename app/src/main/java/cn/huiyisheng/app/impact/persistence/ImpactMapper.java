package cn.huiyisheng.app.impact.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Simulations of a draft's impact, their chunks and the persons whose outcome changes (statements in ImpactMapper.xml where dynamic). */
@Mapper
public interface ImpactMapper {

    String COLUMNS = "id, draft_id, draft_revision, draft_sha256, table_code, valid_from, known_at, versions_json, status, claim_from,"
            + " claim_to, chunk_claims, chunks_total, chunks_done, records_done, cancel_requested, started_by, started_at, finished_at,"
            + " process_instance_id";

    /** The smallest and largest claim id (null when there is no claim), the range a simulation is split over. */
    @Select("SELECT MIN(id) AS claim_from, MAX(id) AS claim_to FROM claim")
    ImpactRow claimRange();

    /** A new RUNNING simulation; the unique running_draft refuses a second one of the same draft. */
    @Insert("INSERT INTO policy_impact (draft_id, draft_revision, draft_sha256, table_code, valid_from, known_at, versions_json, status,"
            + " claim_from, claim_to, chunk_claims, chunks_total, chunks_done, records_done, cancel_requested, started_by, started_at,"
            + " running_draft) VALUES (#{draftId}, #{draftRevision}, #{draftSha256}, #{tableCode}, #{validFrom}, #{knownAt},"
            + " #{versionsJson}, 'RUNNING', #{claimFrom}, #{claimTo}, #{chunkClaims}, #{chunksTotal}, 0, 0, FALSE, #{startedBy},"
            + " #{startedAt}, #{draftId})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(ImpactRow row);

    @Update("UPDATE policy_impact SET process_instance_id = #{pi} WHERE id = #{id}")
    int setProcess(@Param("id") long id, @Param("pi") String processInstanceId);

    @Select("SELECT " + COLUMNS + " FROM policy_impact WHERE id = #{id}")
    ImpactRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + ", result_json FROM policy_impact WHERE id = #{id}")
    ImpactRow findWithResult(@Param("id") long id);

    /** The draft's latest simulation, with its result. */
    @Select("SELECT " + COLUMNS + ", result_json FROM policy_impact WHERE draft_id = #{draftId} ORDER BY id DESC LIMIT 1")
    ImpactRow latestOf(@Param("draftId") long draftId);

    @Update("UPDATE policy_impact SET cancel_requested = TRUE WHERE id = #{id} AND status = 'RUNNING'")
    int requestCancel(@Param("id") long id);

    /** A chunk done: counted once (the chunk's own row is inserted in the same transaction, with its key). */
    @Update("UPDATE policy_impact SET chunks_done = chunks_done + 1, records_done = records_done + #{records} WHERE id = #{id}")
    int chunkDone(@Param("id") long id, @Param("records") int records);

    @Select("SELECT chunks_done FROM policy_impact WHERE id = #{id}")
    int chunksDone(@Param("id") long id);

    @Select("SELECT COUNT(*) > 0 FROM policy_impact_chunk WHERE impact_id = #{id} AND chunk_no = #{chunk}")
    boolean hasChunk(@Param("id") long id, @Param("chunk") int chunk);

    @Insert("INSERT INTO policy_impact_chunk (impact_id, chunk_no, records, summary_json, finished_at)"
            + " VALUES (#{id}, #{chunk}, #{records}, #{summary}, #{at})")
    int insertChunk(@Param("id") long id, @Param("chunk") int chunk, @Param("records") int records, @Param("summary") String summaryJson,
                    @Param("at") Instant at);

    @Select("SELECT summary_json FROM policy_impact_chunk WHERE impact_id = #{id} ORDER BY chunk_no")
    List<String> chunkSummaries(@Param("id") long id);

    /** The end of a simulation: DONE (or CANCELLED, or FAILED) with its figures; the draft may run another. */
    @Update("UPDATE policy_impact SET status = #{status}, finished_at = #{at}, result_json = #{result}, running_draft = NULL"
            + " WHERE id = #{id} AND status = 'RUNNING'")
    int finish(@Param("id") long id, @Param("status") String status, @Param("at") Instant at, @Param("result") String resultJson);

    /** The latest claim-scope determination of every claim in [from, to) that the draft could change, by claim id (ImpactMapper.xml). */
    Cursor<ImpactRecordRow> records(@Param("from") long from, @Param("to") long to, @Param("firstMonth") String firstMonth,
                                    @Param("validFrom") LocalDate validFrom, @Param("byDate") boolean byDate,
                                    @Param("benefitLike") String benefitLike);

    /**
     * The changed rows of every person (by key) with more than one for a benefit: what the chunks'
     * sums of rows count more than once. One pass over the run's rows, instead of a distinct count per grouping.
     */
    @Select("SELECT i.benefit, i.person_key, i.category, i.district, i.registration FROM policy_impact_claim i"
            + " JOIN (SELECT benefit, person_key FROM policy_impact_claim WHERE impact_id = #{id} AND person_key IS NOT NULL"
            + " GROUP BY benefit, person_key HAVING COUNT(*) > 1) d ON d.benefit = i.benefit AND d.person_key = i.person_key"
            + " WHERE i.impact_id = #{id}")
    List<Repeat> repeated(@Param("id") long id);

    record Repeat(String benefit, String personKey, String category, String district, String registration) {
    }

    /** The changed persons behind a figure, with the claim's reference and applicant's name (masked by the caller). */
    List<ImpactClaimRow> claims(@Param("id") long id, @Param("benefit") String benefit, @Param("category") String category,
                                @Param("district") String district, @Param("registration") String registration,
                                @Param("limit") int limit, @Param("offset") int offset);

    int countClaims(@Param("id") long id, @Param("benefit") String benefit, @Param("category") String category,
                    @Param("district") String district, @Param("registration") String registration);

    /** A row of a breakdown: the group's key (category, district or registration), the benefit, persons, rows and sums. */
    record Breakdown(String benefit, String groupKey, long persons, long rows, BigDecimal beforeAmount, BigDecimal afterAmount,
                     BigDecimal before12, BigDecimal after12) {
    }
}
