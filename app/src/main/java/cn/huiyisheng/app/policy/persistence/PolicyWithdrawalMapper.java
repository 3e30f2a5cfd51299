package cn.huiyisheng.app.policy.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** Requests to withdraw a published version, and their decisions (by someone other than the requester). */
@Mapper
public interface PolicyWithdrawalMapper {

    /** A row of {@code policy_withdrawal}. */
    record Row(Long id, String tableCode, Integer versionNo, String status, String reason, String requestedBy, Instant requestedAt,
               String decidedBy, Instant decidedAt, String decisionNote) {
    }

    String COLUMNS = "id, table_code, version_no, status, reason, requested_by, requested_at, decided_by, decided_at, decision_note";

    @Insert("INSERT INTO policy_withdrawal (table_code, version_no, status, reason, requested_by, requested_at, open_marker)"
            + " VALUES (#{tableCode}, #{versionNo}, 'REQUESTED', #{reason}, #{requestedBy}, #{requestedAt}, 'Y')")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(Request request);

    /** What an insert needs (MyBatis sets the generated id on it). */
    class Request {
        public Long id;
        public String tableCode;
        public int versionNo;
        public String reason;
        public String requestedBy;
        public Instant requestedAt;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getTableCode() { return tableCode; }
        public int getVersionNo() { return versionNo; }
        public String getReason() { return reason; }
        public String getRequestedBy() { return requestedBy; }
        public Instant getRequestedAt() { return requestedAt; }
    }

    @Select("SELECT " + COLUMNS + " FROM policy_withdrawal WHERE id = #{id}")
    Row find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM policy_withdrawal ORDER BY id DESC LIMIT 200")
    List<Row> list();

    @Update("UPDATE policy_withdrawal SET status = #{status}, decided_by = #{by}, decided_at = #{at}, decision_note = #{note},"
            + " open_marker = NULL WHERE id = #{id} AND status = 'REQUESTED' AND requested_by <> #{by}")
    int decide(@Param("id") long id, @Param("status") String status, @Param("by") String by, @Param("at") Instant at,
               @Param("note") String note);
}
