package cn.huiyisheng.app.policy.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/**
 * Drafts of table versions. Every change of state is a conditional update on the state it leaves
 * (and, for a new upload, on the revision the author saw), so that two requests racing cannot
 * both succeed: the one that matched nothing is told why.
 */
@Mapper
public interface PolicyDraftMapper {

    String COLUMNS = "id, table_code, status, valid_from, basis_document, basis_clause, change_note, figures, sources_json, sha256,"
            + " rows_count, author, created_at, updated_at, revision, submitted_at, reviewer, decided_at, review_comment, published_version, cases_yaml";

    @Insert("INSERT INTO policy_draft (table_code, status, valid_from, basis_document, basis_clause, change_note, figures, sources_json,"
            + " spreadsheet, sha256, rows_count, author, created_at, updated_at, revision)"
            + " VALUES (#{tableCode}, #{status}, #{validFrom}, #{basisDocument}, #{basisClause}, #{changeNote}, #{figures}, #{sourcesJson},"
            + " #{spreadsheet}, #{sha256}, #{rowsCount}, #{author}, #{createdAt}, #{updatedAt}, #{revision})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(PolicyDraftRow row);

    /** A draft without its spreadsheet. */
    @Select("SELECT " + COLUMNS + " FROM policy_draft WHERE id = #{id}")
    PolicyDraftRow find(@Param("id") long id);

    /** A draft's workbook (a row with only it: MyBatis would read a bare byte[] as a list of numbers). */
    @Select("SELECT id, spreadsheet FROM policy_draft WHERE id = #{id}")
    PolicyDraftRow workbook(@Param("id") long id);

    /** Drafts, newest first, narrowed by table and status when given. */
    @Select("<script>SELECT " + COLUMNS + " FROM policy_draft <where>"
            + "<if test='tableCode != null'>table_code = #{tableCode}</if>"
            + "<if test='status != null'> AND status = #{status}</if></where> ORDER BY id DESC LIMIT #{limit}</script>")
    List<PolicyDraftRow> list(@Param("tableCode") String tableCode, @Param("status") String status, @Param("limit") int limit);

    /** The draft a published version came from, if it came from one. */
    @Select("SELECT " + COLUMNS + " FROM policy_draft WHERE table_code = #{tableCode} AND published_version = #{version}")
    PolicyDraftRow findPublishedAs(@Param("tableCode") String tableCode, @Param("version") int version);

    /** A new upload by its author, while the draft is open (DRAFT or RETURNED) and at the revision the author saw. */
    @Update("UPDATE policy_draft SET status = 'DRAFT', valid_from = #{validFrom}, basis_document = #{basisDocument},"
            + " basis_clause = #{basisClause}, change_note = #{changeNote}, figures = #{figures}, sources_json = #{sourcesJson},"
            + " spreadsheet = #{spreadsheet}, sha256 = #{sha256}, rows_count = #{rowsCount}, updated_at = #{updatedAt},"
            + " revision = revision + 1"
            + " WHERE id = #{id} AND author = #{author} AND status IN ('DRAFT', 'RETURNED') AND revision = #{revision}")
    int replace(PolicyDraftRow row);

    /** The draft's own cases, by its author, while it is open. */
    @Update("UPDATE policy_draft SET cases_yaml = #{yaml}, updated_at = #{at}"
            + " WHERE id = #{id} AND author = #{author} AND status IN ('DRAFT', 'RETURNED')")
    int setCases(@Param("id") long id, @Param("author") String author, @Param("yaml") String yaml, @Param("at") Instant at);

    @Update("UPDATE policy_draft SET status = 'IN_REVIEW', submitted_at = #{at}, reviewer = NULL, decided_at = NULL,"
            + " updated_at = #{at} WHERE id = #{id} AND author = #{author} AND status IN ('DRAFT', 'RETURNED')")
    int submit(@Param("id") long id, @Param("author") String author, @Param("at") Instant at);

    /** The review's decision: PUBLISHED (with the version it became) or RETURNED, by someone other than the author. */
    @Update("UPDATE policy_draft SET status = #{status}, reviewer = #{reviewer}, decided_at = #{at}, review_comment = #{comment},"
            + " published_version = #{version}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = 'IN_REVIEW' AND author <> #{reviewer}")
    int decide(@Param("id") long id, @Param("status") String status, @Param("reviewer") String reviewer, @Param("at") Instant at,
               @Param("comment") String comment, @Param("version") Integer version);

    @Update("UPDATE policy_draft SET status = 'DISCARDED', updated_at = #{at}"
            + " WHERE id = #{id} AND author = #{author} AND status IN ('DRAFT', 'RETURNED')")
    int discard(@Param("id") long id, @Param("author") String author, @Param("at") Instant at);
}
