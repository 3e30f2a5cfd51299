package cn.huiyisheng.app.determinations.persistence;

import cn.huiyisheng.app.determinations.DeterminationRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Writes a pass's seals in one multi-row statement by JDBC with the parameters' types given (the
 * sealer runs every second behind the claims, and MyBatis built the statement with a {@code foreach}:
 * a regular expression and an expression evaluation for each value; {@code ./bench claims}), and
 * records a determination and reads the one an approval grants from (each once a claim: fixed
 * statements, where MyBatis's mapping of the record's fifteen columns and its generated key cost
 * several times the JDBC work).
 */
@Repository
public class DeterminationRows {

    private final JdbcTemplate jdbc;

    public DeterminationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The seals of these records (each with its seq, previous hash and hash set), sealed at this instant. */
    public void insert(List<DeterminationRow> rows, Instant sealedAt) {
        if (rows.isEmpty()) {
            return;
        }
        Object[] p = new Object[rows.size() * 5];
        int[] types = new int[rows.size() * 5];
        Timestamp at = Timestamp.from(sealedAt);
        for (int i = 0; i < rows.size(); i++) {
            DeterminationRow r = rows.get(i);
            int k = i * 5;
            p[k] = r.getSeq();
            p[k + 1] = r.getId();
            p[k + 2] = r.getPrevHash();
            p[k + 3] = r.getHash();
            p[k + 4] = at;
            types[k] = Types.BIGINT;
            types[k + 1] = Types.BIGINT;
            types[k + 2] = Types.VARCHAR;
            types[k + 3] = Types.VARCHAR;
            types[k + 4] = Types.TIMESTAMP;
        }
        jdbc.update("INSERT INTO determination_seal (seq, determination_id, prev_hash, hash, sealed_at) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?)")), p, types);
    }

    private static final String UNGRANTED_LATEST = "SELECT d.id, d.claim_id, d.result_json, d.result_sha256, d.result_z, d.facts_json,"
            + " d.period_to, c.open_ended"
            + " FROM determination d JOIN claim c ON c.id = d.claim_id"
            + " WHERE c.reference = ?"
            + " AND d.id = (SELECT MAX(id) FROM determination WHERE claim_id = c.id AND scope <> 'PAYMENT')"
            + " AND NOT EXISTS (SELECT 1 FROM entitlement e WHERE e.determination_id = d.id)";

    /**
     * The latest determination of the claim with this reference (not a payment run's) when nothing has been granted
     * from it yet, with what granting needs; null otherwise. Read on every approved claim: one fixed statement.
     */
    public DeterminationRow ungrantedLatest(String claimReference) {
        List<DeterminationRow> rows = jdbc.query(UNGRANTED_LATEST, ps -> ps.setString(1, claimReference), (rs, i) -> {
            DeterminationRow r = new DeterminationRow();
            r.setId(rs.getLong(1));
            r.setClaimId(rs.getLong(2));
            r.setResultJson(rs.getString(3));
            r.setResultSha256(rs.getString(4));
            r.setResultZ(rs.getBytes(5));
            r.setFactsJson(rs.getString(6));
            r.setPeriodTo(rs.getString(7));
            r.setClaimOpenEnded(rs.getBoolean(8));
            return r;
        });
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static final String INSERT = "INSERT INTO determination (claim_id, as_of, known_at, period_from, period_to, benefits, facts_json,"
            + " versions_json, result_json, result_sha256, result_z, engine_version, recorded_at, scope, records_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A determination recorded (a plain insert, in the caller's transaction); the row gets its generated id. */
    public void insert(DeterminationRow r) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"});
            ps.setLong(1, r.getClaimId());
            ps.setObject(2, r.getAsOf(), Types.DATE);
            ps.setTimestamp(3, Timestamp.from(r.getKnownAt()));
            ps.setString(4, r.getPeriodFrom());
            ps.setString(5, r.getPeriodTo());
            ps.setString(6, r.getBenefits());
            ps.setString(7, r.getFactsJson());
            ps.setString(8, r.getVersionsJson());
            ps.setString(9, r.getStoredResultJson());
            ps.setString(10, r.getResultSha256());
            if (r.getResultZ() == null) {
                ps.setNull(11, Types.VARBINARY);
            } else {
                ps.setBytes(11, r.getResultZ());
            }
            ps.setString(12, r.getEngineVersion());
            ps.setTimestamp(13, Timestamp.from(r.getRecordedAt()));
            ps.setString(14, r.getScope());
            ps.setString(15, r.getRecordsJson());
            return ps;
        }, keys);
        // Connector/J names the key GENERATED_KEY, H2 after the column: the one value either way
        r.setId(((Number) keys.getKeyList().get(0).values().iterator().next()).longValue());
    }
}
