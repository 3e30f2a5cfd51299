package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What the staff's task lists search, filter and sort by, as columns of the claim (no JSON read per
 * row): the applicant's name, the last four characters of their ID number, their district of
 * registration, and when the review and the second approval were recorded. Filled from each claim's
 * household and audit events; a Java migration because H2 and MariaDB share no JSON functions.
 * Kept independent of the application's classes so that it reads the same on every later version.
 */
public class V10__claim_search_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE claim ADD COLUMN applicant_name VARCHAR(100) NULL");
            s.execute("ALTER TABLE claim ADD COLUMN applicant_id_tail VARCHAR(4) NULL");
            s.execute("ALTER TABLE claim ADD COLUMN district VARCHAR(32) NULL");
            s.execute("ALTER TABLE claim ADD COLUMN reviewed_at DATETIME(3) NULL");
            s.execute("ALTER TABLE claim ADD COLUMN second_approved_at DATETIME(3) NULL");
            s.execute("CREATE INDEX ix_claim_applicant_name ON claim (applicant_name)");
            s.execute("CREATE INDEX ix_claim_id_tail ON claim (applicant_id_tail)");
            s.execute("CREATE INDEX ix_claim_reviewer ON claim (reviewer)");
            s.execute("CREATE INDEX ix_claim_second_approver ON claim (second_approver)");
            s.execute("UPDATE claim SET reviewed_at = (SELECT MAX(a.at) FROM audit_event a WHERE a.claim_id = claim.id"
                    + " AND a.type LIKE 'REVIEWED%') WHERE reviewer IS NOT NULL");
            s.execute("UPDATE claim SET second_approved_at = (SELECT MAX(a.at) FROM audit_event a WHERE a.claim_id = claim.id"
                    + " AND a.type LIKE 'SECOND_APPROVAL%') WHERE second_approver IS NOT NULL");
        }
        ObjectMapper json = new ObjectMapper();
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("SELECT id, household_json FROM claim");
             PreparedStatement write = c.prepareStatement(
                     "UPDATE claim SET applicant_name = ?, applicant_id_tail = ?, district = ? WHERE id = ?")) {
            int pending = 0;
            while (rs.next()) {
                JsonNode applicant;
                try {
                    applicant = json.readTree(rs.getString(2)).path("applicant");
                } catch (Exception unreadable) {
                    continue; // a household that cannot be read stays unsearchable, as it is unreadable elsewhere
                }
                write.setString(1, cut(text(applicant.path("name")), 100));
                String id = text(applicant.path("idNumber"));
                write.setString(2, id == null || id.length() < 4 ? null : id.substring(id.length() - 4).toUpperCase(java.util.Locale.ROOT));
                write.setString(3, cut(text(applicant.path("registration").path("district")), 32));
                write.setLong(4, rs.getLong(1));
                write.addBatch();
                if (++pending == 500) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
