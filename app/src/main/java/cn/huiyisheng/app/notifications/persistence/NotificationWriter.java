package cn.huiyisheng.app.notifications.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The message a claim's step leaves its applicant (approved, refused, asked for information …),
 * one fixed statement by JDBC with the parameters' types given: written for every claim, where a
 * MyBatis statement costs its parameter mapping and the JIT's compiling of it ({@code ./bench claims}).
 */
@Repository
public class NotificationWriter {

    private static final String FOR_REFERENCE = "INSERT INTO notification (username, claim_id, claim_reference, type, params, created_at)"
            + " SELECT c.applicant_username, c.id, c.reference, ?, ?, ? FROM claim c WHERE c.reference = ?";
    private static final int[] FOR_REFERENCE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR};

    private final JdbcTemplate jdbc;

    public NotificationWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to the applicant of the claim with this reference; the rows written (0: no such claim). */
    public int insertForReference(String reference, String type, String params, Instant at) {
        return jdbc.update(FOR_REFERENCE, new Object[] {type, params, Timestamp.from(at), reference}, FOR_REFERENCE_TYPES);
    }
}
