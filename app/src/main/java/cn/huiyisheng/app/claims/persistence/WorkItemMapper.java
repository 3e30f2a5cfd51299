package cn.huiyisheng.app.claims.persistence;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

/** The staff's open work ({@code work_item}), written only by the engine's task events. */
@Mapper
public interface WorkItemMapper {

    @Insert("INSERT INTO work_item (task_id, kind, name, candidate_group, assignee, created_at, due_at, business_key, process_key)"
            + " VALUES (#{taskId}, #{kind}, #{name}, #{group}, #{assignee}, #{createdAt}, #{dueAt}, #{businessKey}, #{processKey})")
    int insert(@Param("taskId") String taskId, @Param("kind") String kind, @Param("name") String name, @Param("group") String group,
               @Param("assignee") String assignee, @Param("createdAt") Instant createdAt, @Param("dueAt") Instant dueAt,
               @Param("businessKey") String businessKey, @Param("processKey") String processKey);

    /**
     * A claim's work item, with its claim's columns that the lists filter, sort and show, as they are
     * when the task is created (V14: nothing changes them while it is open).
     */
    @Insert("INSERT INTO work_item (task_id, kind, name, candidate_group, assignee, created_at, due_at, business_key, process_key,"
            + " claim_id, claim_status, amount_total, applicant_name, applicant_id_tail, district, benefits, reviewer, submitted_at)"
            + " SELECT #{taskId}, #{kind}, #{name}, #{group}, #{assignee}, #{createdAt}, #{dueAt}, #{businessKey}, #{processKey},"
            + " c.id, c.status, c.amount_total, c.applicant_name, c.applicant_id_tail, c.district, c.benefits, c.reviewer, c.submitted_at"
            + " FROM (SELECT 1 AS one) x LEFT JOIN claim c ON c.reference = #{businessKey}")
    int insertForClaim(@Param("taskId") String taskId, @Param("kind") String kind, @Param("name") String name, @Param("group") String group,
                       @Param("assignee") String assignee, @Param("createdAt") Instant createdAt, @Param("dueAt") Instant dueAt,
                       @Param("businessKey") String businessKey, @Param("processKey") String processKey);

    @Update("UPDATE work_item SET assignee = #{assignee}, due_at = #{dueAt}, name = #{name} WHERE task_id = #{taskId}")
    int update(@Param("taskId") String taskId, @Param("assignee") String assignee, @Param("dueAt") Instant dueAt, @Param("name") String name);

    @Delete("DELETE FROM work_item WHERE task_id = #{taskId}")
    int delete(@Param("taskId") String taskId);
}
