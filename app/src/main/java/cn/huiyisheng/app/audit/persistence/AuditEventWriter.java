package cn.huiyisheng.app.audit.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * Writes audit events and security events, in the caller's transaction: a few a claim, so fixed
 * statements by JDBC with their parameters' types given (as MyBatis statements each cost its
 * parameter mapping and the JIT's compiling of it on every claim; {@code ./bench claims}).
 */
@Repository
public class AuditEventWriter {

    private static final String INSERT = "INSERT INTO audit_event (at, actor, claim_id, run_id, type, detail, params) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int[] INSERT_TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR};
    private static final String INSERT_BY_REFERENCE = "INSERT INTO audit_event (at, actor, claim_id, run_id, type, detail)"
            + " SELECT ?, ?, id, NULL, ?, ? FROM claim WHERE reference = ?";
    private static final int[] INSERT_BY_REFERENCE_TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private static final String INSERT_SECURITY_EVENT = "INSERT INTO security_event (at, actor, address, type, outcome, target, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int[] INSERT_SECURITY_EVENT_TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;

    public AuditEventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event of a claim or a run (one of the two ids), with its params as JSON or null. */
    public void insert(Instant at, String actor, Long claimId, Long runId, String type, String detail, String params) {
        jdbc.update(INSERT, new Object[] {Timestamp.from(at), actor, claimId, runId, type, detail, params}, INSERT_TYPES);
    }

    /** An event of the claim with this reference (its id looked up in the same statement); 0 if there is none. */
    public int insertForClaimReference(String reference, Instant at, String actor, String type, String detail) {
        return jdbc.update(INSERT_BY_REFERENCE, new Object[] {Timestamp.from(at), actor, type, detail, reference}, INSERT_BY_REFERENCE_TYPES);
    }

    /** A security event (the trail's sealer chains it within seconds). */
    public void insertSecurityEvent(Instant at, String actor, String address, String type, String outcome, String target, String detail) {
        jdbc.update(INSERT_SECURITY_EVENT, new Object[] {Timestamp.from(at), actor, address, type, outcome, target, detail},
                INSERT_SECURITY_EVENT_TYPES);
    }
}
