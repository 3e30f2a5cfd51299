package cn.huiyisheng.app.auditconsole.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes the audit index's rows, each kind in one multi-row statement, by JDBC with the
 * parameters' types given: the indexer runs every two seconds behind the claims, and MyBatis built
 * such a statement with a {@code foreach} (a regular expression and an expression evaluation for
 * each value), several times the JDBC work ({@code ./bench claims}).
 */
@Repository
public class IndexRows {

    private final JdbcTemplate jdbc;

    public IndexRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertEntries(List<AuditIndexMapper.Entry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> p = new ArrayList<>(rows.size() * 9);
        int[] types = new int[rows.size() * 9];
        int[] one = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL,
                Types.VARCHAR};
        for (int i = 0; i < rows.size(); i++) {
            AuditIndexMapper.Entry r = rows.get(i);
            p.add(r.getDeterminationId());
            p.add(r.getSeq());
            p.add(r.getClaimId());
            p.add(r.getRecordedAt() == null ? null : Timestamp.from(r.getRecordedAt()));
            p.add(r.getAsOf());
            p.add(r.getScope());
            p.add(r.getOutcome());
            p.add(r.getTotal());
            p.add(r.getEngineVersion());
            System.arraycopy(one, 0, types, i * 9, 9);
        }
        jdbc.update("INSERT INTO determination_index (determination_id, seq, claim_id, recorded_at, as_of, scope, outcome, total,"
                + " engine_version) VALUES " + values(9, rows.size()), p.toArray(), types);
    }

    public void insertTerms(List<AuditIndexMapper.Term> terms) {
        if (terms.isEmpty()) {
            return;
        }
        List<Object> p = new ArrayList<>(terms.size() * 3);
        int[] types = new int[terms.size() * 3];
        for (int i = 0; i < terms.size(); i++) {
            AuditIndexMapper.Term t = terms.get(i);
            p.add(t.getKind());
            p.add(t.getTerm());
            p.add(t.getDeterminationId());
            types[i * 3] = Types.VARCHAR;
            types[i * 3 + 1] = Types.VARCHAR;
            types[i * 3 + 2] = Types.BIGINT;
        }
        jdbc.update("INSERT INTO determination_term (kind, term, determination_id) VALUES " + values(3, terms.size()), p.toArray(), types);
    }

    /** {@code rows} groups of {@code columns} placeholders. */
    private static String values(int columns, int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
