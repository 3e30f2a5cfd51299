package cn.huiyisheng.app.claims.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The claim's updates that every approved claim makes (the review recorded, the approval), as fixed
 * statements by JDBC with the parameters' types given, in the caller's transaction: as MyBatis
 * statements each cost its dynamic SQL, its parameter mapping and the JIT's compiling of them on
 * every claim ({@code ./bench claims}). The rarer updates stay in {@link ClaimMapper}.
 */
@Repository
public class ClaimUpdates {

    private static final String REVIEW = "UPDATE claim SET reviewer = ?, review_decision = ?, decision_reason = ?, reviewed_at = ?"
            + " WHERE reference = ?";
    /** The reviewer is not one of the claim's persons (a conflict of interest: no row then). */
    private static final String NOT_A_PARTY = " AND NOT EXISTS (SELECT 1 FROM claim_person cp WHERE cp.claim_id = claim.id AND cp.person_key = ?)";
    private static final String APPROVED = "UPDATE claim SET status = 'APPROVED', decided_at = ?"
            + " WHERE id = ? AND review_decision = 'APPROVE' AND (amount_total <= ? OR second_decision = 'APPROVE')";

    private final JdbcTemplate jdbc;

    public ClaimUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the review on the claim of this reference, unless the reviewer (by person key, when they have one) is
     * one of its persons; the rows updated (0: no such claim, or a conflict of interest).
     */
    public int setReviewByReference(String reference, String reviewer, String decision, String reason, String personKey, Instant at) {
        if (personKey == null) {
            return jdbc.update(REVIEW, new Object[] {reviewer, decision, reason, Timestamp.from(at), reference},
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR});
        }
        return jdbc.update(REVIEW + NOT_A_PARTY, new Object[] {reviewer, decision, reason, Timestamp.from(at), reference, personKey},
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR});
    }

    /**
     * The claim approved at this instant, only if its review approved it and, above the threshold, its second
     * approval too; the rows updated (0 otherwise).
     */
    public int setApproved(long id, Instant decidedAt, BigDecimal threshold) {
        return jdbc.update(APPROVED, new Object[] {Timestamp.from(decidedAt), id, threshold},
                new int[] {Types.TIMESTAMP, Types.BIGINT, Types.DECIMAL});
    }
}
