package cn.huiyisheng.app.determinations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Changes the stored results of determinations as someone with write access to the database would,
 * in whichever form each is stored: a text edited in place, a compressed one (since V39) inflated,
 * edited, compressed again and stored with the SHA-256 of the new text (the thorough forger).
 */
public final class StoredResults {

    private StoredResults() {
    }

    /** Applies {@code edit} to the result of each determination matching {@code where} (SQL after WHERE); how many changed. */
    public static int edit(JdbcTemplate jdbc, String where, Object arg, UnaryOperator<String> edit) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, result_json, result_z FROM determination WHERE " + where, arg);
        int changed = 0;
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            byte[] z = (byte[]) row.get("result_z");
            if (z != null) {
                String text = edit.apply(SealedResult.inflate(z));
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                changed += jdbc.update("UPDATE determination SET result_z = ?, result_sha256 = ? WHERE id = ?", SealedResult.compress(utf8),
                        SealedResult.sha256(utf8), id);
            } else {
                changed += jdbc.update("UPDATE determination SET result_json = ? WHERE id = ?", edit.apply((String) row.get("result_json")), id);
            }
        }
        return changed;
    }

    public static int replace(JdbcTemplate jdbc, String where, Object arg, String from, String to) {
        return edit(jdbc, where, arg, text -> text.replace(from, to));
    }
}
