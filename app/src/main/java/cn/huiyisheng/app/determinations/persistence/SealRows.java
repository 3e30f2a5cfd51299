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
 * Writes a pass's seals in one multi-row statement by JDBC with the parameters' types given: the
 * sealer runs every second behind the claims, and MyBatis built the statement with a {@code foreach}
 * (a regular expression and an expression evaluation for each value; {@code ./bench claims}).
 */
@Repository
public class SealRows {

    private final JdbcTemplate jdbc;

    public SealRows(JdbcTemplate jdbc) {
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
}
