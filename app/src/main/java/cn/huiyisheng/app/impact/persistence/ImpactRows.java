package cn.huiyisheng.app.impact.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Inserts a chunk's changed persons in statements of a fixed shape (100 rows, then one for the
 * rest), with no dynamic SQL to build per call
 * (measured with {@code ./bench impact}: MyBatis's foreach and a new server-side statement for
 * every size took about a quarter of a simulation's time). In the caller's transaction.
 */
@Repository
public class ImpactRows {

    static final int BLOCK = 100;
    private static final String COLUMNS = "INSERT INTO policy_impact_claim (impact_id, claim_id, determination_id, benefit, subject_path,"
            + " person_key, district, registration, category, before_amount, after_amount, before_12, after_12) VALUES ";
    private static final String TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FULL = sql(BLOCK);

    private final JdbcTemplate jdbc;

    public ImpactRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String sql(int rows) {
        return COLUMNS + String.join(", ", java.util.Collections.nCopies(rows, TUPLE));
    }

    public void insert(List<ImpactClaimRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
            // on MySQL/MariaDB a server-side statement: prepared once per chunk, its values sent in binary
            // (a client-side one is escaped value by value into SQL text the server parses again each time)
            com.mysql.cj.jdbc.JdbcConnection mysql = con.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class)
                    ? con.unwrap(com.mysql.cj.jdbc.JdbcConnection.class) : null;
            java.sql.PreparedStatement full = null;
            try {
                for (int start = 0; start < rows.size(); start += BLOCK) {
                    List<ImpactClaimRow> block = rows.subList(start, Math.min(rows.size(), start + BLOCK));
                    if (block.size() == BLOCK) {
                        full = full != null ? full : prepare(con, mysql, FULL);
                        bind(full, block);
                        full.executeUpdate();
                    } else {
                        try (java.sql.PreparedStatement rest = prepare(con, mysql, sql(block.size()))) {
                            bind(rest, block);
                            rest.executeUpdate();
                        }
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            return null;
        });
    }

    private static java.sql.PreparedStatement prepare(java.sql.Connection con, com.mysql.cj.jdbc.JdbcConnection mysql, String sql)
            throws java.sql.SQLException {
        return mysql != null ? mysql.serverPrepareStatement(sql) : con.prepareStatement(sql);
    }

    private static void bind(java.sql.PreparedStatement ps, List<ImpactClaimRow> block) throws java.sql.SQLException {
        int i = 1;
        for (ImpactClaimRow r : block) {
            ps.setLong(i++, r.getImpactId());
            ps.setLong(i++, r.getClaimId());
            ps.setLong(i++, r.getDeterminationId());
            ps.setString(i++, r.getBenefit());
            ps.setString(i++, r.getSubjectPath());
            ps.setString(i++, r.getPersonKey());
            ps.setString(i++, r.getDistrict());
            ps.setString(i++, r.getRegistration());
            ps.setString(i++, r.getCategory());
            ps.setBigDecimal(i++, r.getBeforeAmount());
            ps.setBigDecimal(i++, r.getAfterAmount());
            ps.setBigDecimal(i++, r.getBefore12());
            ps.setBigDecimal(i++, r.getAfter12());
        }
    }
}
