package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The claim's columns that the task lists filter, sort and show, copied onto each of its open work
 * items when the task is created ({@code claims.WorkItems}), so that a list page and its count read
 * one table, on H2 as on MariaDB: with 10,000 open claims, joining the claim for a filter or a sort
 * by its own columns cost H2 160-180 ms at p95 (./bench inbox). The copy holds for the task's life:
 * the process sets the claim's status, total and reviewer before it creates a task, and nothing
 * changes them while the task is open (a decision completes the task first; a correction of the
 * household comes while no task is open, and is followed by a new review task). Open items of a
 * database that already has some get the values of their claim now.
 */
public class V14__work_item_claim_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE work_item ADD COLUMN claim_id BIGINT NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN claim_status VARCHAR(32) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN amount_total DECIMAL(14,2) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN applicant_name VARCHAR(100) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN applicant_id_tail VARCHAR(4) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN district VARCHAR(32) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN benefits VARCHAR(1000) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN reviewer VARCHAR(64) NULL");
            s.execute("ALTER TABLE work_item ADD COLUMN submitted_at DATETIME(3) NULL");
            s.execute("""
                    UPDATE work_item SET
                        claim_id = (SELECT c.id FROM claim c WHERE c.reference = work_item.business_key),
                        claim_status = (SELECT c.status FROM claim c WHERE c.reference = work_item.business_key),
                        amount_total = (SELECT c.amount_total FROM claim c WHERE c.reference = work_item.business_key),
                        applicant_name = (SELECT c.applicant_name FROM claim c WHERE c.reference = work_item.business_key),
                        applicant_id_tail = (SELECT c.applicant_id_tail FROM claim c WHERE c.reference = work_item.business_key),
                        district = (SELECT c.district FROM claim c WHERE c.reference = work_item.business_key),
                        benefits = (SELECT c.benefits FROM claim c WHERE c.reference = work_item.business_key),
                        reviewer = (SELECT c.reviewer FROM claim c WHERE c.reference = work_item.business_key),
                        submitted_at = (SELECT c.submitted_at FROM claim c WHERE c.reference = work_item.business_key)
                    WHERE process_key = 'benefit-claim'""");
            s.execute("CREATE INDEX ix_work_item_id_tail ON work_item (applicant_id_tail)");
            s.execute("CREATE INDEX ix_work_item_claim ON work_item (claim_id)");
        }
    }
}
