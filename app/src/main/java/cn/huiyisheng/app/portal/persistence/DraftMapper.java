package cn.huiyisheng.app.portal.persistence;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** Claim drafts and their documents (V34): always read by id and owner, so that nobody reaches another's draft. */
@Mapper
public interface DraftMapper {

    @Insert("INSERT INTO claim_draft (username, status, benefits, period_from, household_json, created_at, updated_at)"
            + " VALUES (#{username}, #{status}, #{benefits}, #{periodFrom}, #{householdJson}, #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(DraftRow row);

    @Select("SELECT * FROM claim_draft WHERE id = #{id} AND username = #{username}")
    DraftRow findOwn(@Param("id") long id, @Param("username") String username);

    @Select("SELECT * FROM claim_draft WHERE username = #{username} AND status = 'DRAFT' ORDER BY updated_at DESC")
    List<DraftRow> openOf(@Param("username") String username);

    @Update("UPDATE claim_draft SET benefits = #{benefits}, period_from = #{periodFrom}, household_json = #{householdJson},"
            + " bank_account = #{bankAccount}, bank_name = #{bankName}, declared_at = #{declaredAt}, updated_at = #{updatedAt}"
            + " WHERE id = #{id} AND username = #{username} AND status = 'DRAFT'")
    int update(DraftRow row);

    /** Marks a draft submitted as this claim, once: 0 when it was submitted already. */
    @Update("UPDATE claim_draft SET status = 'SUBMITTED', claim_reference = #{reference}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = 'DRAFT'")
    int submitted(@Param("id") long id, @Param("reference") String reference, @Param("at") Instant at);

    @Insert("INSERT INTO draft_document (draft_id, kind, filename, content_type, size_bytes, sha256, content, uploaded_at)"
            + " VALUES (#{draftId}, #{kind}, #{filename}, #{contentType}, #{sizeBytes}, #{sha256}, #{content}, #{uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertDocument(DraftDocumentRow row);

    /** A draft's documents without their content. */
    @Select("SELECT id, draft_id, kind, filename, content_type, size_bytes, sha256, uploaded_at FROM draft_document"
            + " WHERE draft_id = #{draftId} ORDER BY id")
    List<DraftDocumentRow> documents(@Param("draftId") long draftId);

    @Select("SELECT * FROM draft_document WHERE draft_id = #{draftId} ORDER BY id")
    List<DraftDocumentRow> documentsWithContent(@Param("draftId") long draftId);

    @Delete("DELETE FROM draft_document WHERE id = #{id} AND draft_id = #{draftId}")
    int deleteDocument(@Param("id") long id, @Param("draftId") long draftId);
}
