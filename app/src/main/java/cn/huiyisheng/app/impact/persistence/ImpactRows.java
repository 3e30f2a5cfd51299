package cn.huiyisheng.app.impact.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Inserts a chunk's changed persons in statements of a fixed shape (100 rows, then one for the
 * rest): prepared once per connection on the server and with no dynamic SQL to build per call
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
        for (int start = 0; start < rows.size(); start += BLOCK) {
            List<ImpactClaimRow> block = rows.subList(start, Math.min(rows.size(), start + BLOCK));
            jdbc.update(block.size() == BLOCK ? FULL : sql(block.size()), ps -> {
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
            });
        }
    }
}
