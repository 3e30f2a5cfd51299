package cn.huiyisheng.app.claims.persistence;

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

    /* a claim's work item made, and any removed: WorkItemRows (JDBC, fixed statements) */

    @Update("UPDATE work_item SET assignee = #{assignee}, due_at = #{dueAt}, name = #{name} WHERE task_id = #{taskId}")
    int update(@Param("taskId") String taskId, @Param("assignee") String assignee, @Param("dueAt") Instant dueAt, @Param("name") String name);

}
