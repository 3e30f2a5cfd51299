package cn.huiyisheng.app.payments.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts a claim's grants (benefit, person, period: at most once across all claims, by the unique
 * key uq_benefit_grant) in one statement whose text depends only on the number of rows, so that
 * the server keeps it prepared; a MyBatis {@code foreach} built it on every approval, compiling a
 * regular expression per value ({@code ./bench claims}). In the caller's transaction; a row some
 * other claim holds already fails the whole statement with a {@link org.springframework.dao.DuplicateKeyException}.
 */
@Repository
public class GrantRows {

    private final JdbcTemplate jdbc;

    public GrantRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<GrantRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> p = new ArrayList<>(rows.size() * 5);
        for (GrantRow g : rows) {
            p.add(g.personKey());
            p.add(g.benefit());
            p.add(g.period());
            p.add(g.claimId());
            // as MyBatis binds an Instant: a timestamp, stored in UTC (the connection's time zone)
            p.add(java.sql.Timestamp.from(g.createdAt()));
        }
        jdbc.update("INSERT INTO benefit_grant (person_key, benefit, period, claim_id, created_at) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?)")), p.toArray());
    }
}
