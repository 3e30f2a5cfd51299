package cn.huiyisheng.app.claims.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * A claim's work item made and removed (each claim's review task does both), as fixed statements
 * by JDBC with the parameters' types given: MyBatis statements cost their parameter mapping and the
 * JIT's compiling of it on every claim ({@code ./bench claims}). The other work items' writes stay in
 * {@link WorkItemMapper}.
 */
@Repository
public class WorkItemRows {

    /** With its claim's columns that the lists filter, sort and show, as they are when the task is created (V14). */
    private static final String INSERT_FOR_CLAIM = "INSERT INTO work_item (task_id, kind, name, candidate_group, assignee, created_at, due_at,"
            + " business_key, process_key, claim_id, claim_status, amount_total, applicant_name, applicant_id_tail, district, benefits,"
            + " reviewer, submitted_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " c.id, c.status, c.amount_total, c.applicant_name, c.applicant_id_tail, c.district, c.benefits, c.reviewer, c.submitted_at"
            + " FROM (SELECT 1 AS one) x LEFT JOIN claim c ON c.reference = ?";
    private static final int[] INSERT_FOR_CLAIM_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;

    public WorkItemRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int insertForClaim(String taskId, String kind, String name, String group, String assignee, Instant createdAt, Instant dueAt,
                              String businessKey, String processKey) {
        return jdbc.update(INSERT_FOR_CLAIM, new Object[] {taskId, kind, name, group, assignee, timestamp(createdAt), timestamp(dueAt),
                businessKey, processKey, businessKey}, INSERT_FOR_CLAIM_TYPES);
    }

    public int delete(String taskId) {
        return jdbc.update("DELETE FROM work_item WHERE task_id = ?", new Object[] {taskId}, new int[] {Types.VARCHAR});
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
