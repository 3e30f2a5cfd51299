package cn.huiyisheng.app.notifications.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** The applicants' messages, each written with the claim's applicant found by the claim itself (one statement). */
@Mapper
public interface NotificationMapper {

    /* a message for a claim by its reference: NotificationWriter (JDBC, a fixed statement) */

    @Insert("INSERT INTO notification (username, claim_id, claim_reference, type, params, created_at)"
            + " SELECT c.applicant_username, c.id, c.reference, #{type}, #{params}, #{at} FROM claim c WHERE c.id = #{claimId}")
    int insertForClaim(@Param("claimId") long claimId, @Param("type") String type, @Param("params") String params, @Param("at") Instant at);

    /** One message per claim paid by this run: how many payments, how much (less what was withheld), which run. */
    @Insert("INSERT INTO notification (username, claim_id, claim_reference, type, params, created_at)"
            + " SELECT c.applicant_username, c.id, c.reference, 'PAID',"
            + " CONCAT('[\"', COUNT(*), '\",\"', SUM(p.amount - p.withheld), '\",\"', #{runId}, '\"]'),"
            + " #{at}"
            + " FROM payment p JOIN entitlement e ON e.id = p.entitlement_id JOIN claim c ON c.id = e.claim_id"
            + " WHERE p.run_id = #{runId} AND p.status = 'PAID' GROUP BY c.applicant_username, c.id, c.reference")
    int insertPaidInRun(@Param("runId") long runId, @Param("at") Instant at);

    @Select("SELECT * FROM notification WHERE username = #{username} ORDER BY created_at DESC, id DESC LIMIT 200")
    List<NotificationRow> ofUser(@Param("username") String username);

    @Select("SELECT COUNT(*) FROM notification WHERE username = #{username} AND read_at IS NULL")
    int unread(@Param("username") String username);

    @Update("UPDATE notification SET read_at = #{at} WHERE username = #{username} AND read_at IS NULL")
    int markAllRead(@Param("username") String username, @Param("at") Instant at);

    @Select("SELECT * FROM notification WHERE sms_sent_at IS NULL ORDER BY id LIMIT #{limit}")
    List<NotificationRow> unsent(@Param("limit") int limit);

    /** Claims a message for sending: 1 for the node that takes it, 0 for any other. */
    @Update("UPDATE notification SET sms_sent_at = #{at} WHERE id = #{id} AND sms_sent_at IS NULL")
    int markSent(@Param("id") long id, @Param("at") Instant at);
}
