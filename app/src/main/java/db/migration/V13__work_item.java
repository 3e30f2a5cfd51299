package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The staff's open work, one row per open user task of the claim and payment-run processes, kept
 * by the engine's task events in the transaction that creates, assigns or ends the task
 * ({@code claims.WorkItems}). The task lists search, filter, sort and count these rows with their
 * own indexes, joined to the claim by reference: not Camunda's runtime tables, whose join (and the
 * candidate-group semi-join, and a sort of every open task) cost 200–300 ms a page on MariaDB with
 * 10,000 open claims. A database that already has Camunda's tables gets its open tasks copied in.
 */
public class V13__work_item extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE work_item (
                        task_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
                        kind            VARCHAR(64)  NOT NULL,
                        name            VARCHAR(255) NULL,
                        candidate_group VARCHAR(64)  NULL,
                        assignee        VARCHAR(64)  NULL,
                        created_at      DATETIME(3)  NOT NULL,
                        due_at          DATETIME(3)  NULL,
                        business_key    VARCHAR(64)  NULL,
                        process_key     VARCHAR(64)  NOT NULL
                    )""");
            s.execute("CREATE INDEX ix_work_item_group ON work_item (candidate_group, assignee, created_at)");
            s.execute("CREATE INDEX ix_work_item_assignee ON work_item (assignee, created_at)");
            s.execute("CREATE INDEX ix_work_item_business_key ON work_item (business_key)");
            if (hasCamunda(c)) {
                s.execute("""
                        INSERT INTO work_item (task_id, kind, name, candidate_group, assignee, created_at, due_at, business_key, process_key)
                        SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_,
                               (SELECT MIN(i.GROUP_ID_) FROM ACT_RU_IDENTITYLINK i WHERE i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate'),
                               t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, p.BUSINESS_KEY_, d.KEY_
                        FROM ACT_RU_TASK t
                        JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
                        JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
                        WHERE d.KEY_ IN ('benefit-claim', 'payment-run')""");
            }
        }
    }

    private static boolean hasCamunda(Connection c) throws Exception {
        for (String name : new String[]{"ACT_RU_TASK", "act_ru_task"}) {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
