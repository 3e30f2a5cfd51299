package cn.huiyisheng.app.payments.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows a grant writes (an approved claim's, a payment run's, a correction's): its grants
 * (benefit, person, period: at most once across all claims, by the unique key uq_benefit_grant),
 * entitlements and payments, each kind in one statement whose text depends only on the number of
 * rows, so that the server keeps it prepared. As MyBatis {@code foreach} statements they were built
 * again on every approval, with a regular expression compiled per value ({@code ./bench claims}).
 * In the caller's transaction.
 */
@Repository
public class GrantRows {

    private final JdbcTemplate jdbc;

    public GrantRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The grants; a row some other claim holds already fails the whole statement ({@link org.springframework.dao.DuplicateKeyException}). */
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
            p.add(timestamp(g.createdAt()));
        }
        jdbc.update("INSERT INTO benefit_grant (person_key, benefit, period, claim_id, created_at) VALUES " + values(5, rows.size()),
                p.toArray());
    }

    private static final String ENTITLEMENT = "INSERT INTO entitlement (claim_id, determination_id, benefit, subject_path, subject_label,"
            + " periodicity, period_from, period_to, amount, payer, version_id, version_sha256, row_id, created_at, recurring_id) VALUES ";
    private static final String PAYMENT = "INSERT INTO payment (entitlement_id, period, due_month, amount, payer, status, run_id, attempts,"
            + " kind, correction) VALUES ";

    /** Entitlements, in one statement; each row gets its generated id. */
    public void insertEntitlements(List<EntitlementRow> rows) {
        List<Object> p = new ArrayList<>(rows.size() * 15);
        for (EntitlementRow e : rows) {
            p.addAll(java.util.Arrays.asList(e.getClaimId(), e.getDeterminationId(), e.getBenefit(), e.getSubjectPath(), e.getSubjectLabel(),
                    e.getPeriodicity(), e.getPeriodFrom(), e.getPeriodTo(), e.getAmount(), e.getPayer(), e.getVersionId(),
                    e.getVersionSha256(), e.getRowId(), timestamp(e.getCreatedAt()), e.getRecurringId()));
        }
        List<Long> ids = insert(ENTITLEMENT, 15, rows.size(), p);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setId(ids.get(i));
        }
    }

    /** Payments, in one statement; each row gets its generated id. A second one for the same entitlement and period violates uq_payment. */
    public void insertPayments(List<PaymentRow> rows) {
        List<Object> p = new ArrayList<>(rows.size() * 10);
        for (PaymentRow r : rows) {
            p.addAll(java.util.Arrays.asList(r.getEntitlementId(), r.getPeriod(), r.getDueMonth(), r.getAmount(), r.getPayer(), r.getStatus(),
                    r.getRunId(), r.getAttempts(), r.getKind(), r.getCorrection()));
        }
        List<Long> ids = insert(PAYMENT, 10, rows.size(), p);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setId(ids.get(i));
        }
    }

    /** An instant as MyBatis binds one: a timestamp, stored in UTC (the connection's time zone). */
    private static java.sql.Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    /** The placeholders of a multi-row insert's {@code VALUES}: {@code rows} tuples of {@code columns}. */
    private static String values(int columns, int rows) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    /** A multi-row insert of {@code rows} rows of {@code columns} values each; the generated ids, in the rows' order. */
    private List<Long> insert(String head, int columns, int rows, List<Object> values) {
        if (rows == 0) {
            return List.of();
        }
        String sql = head + values(columns, rows);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql, new String[]{"id"});
            org.springframework.jdbc.core.ArgumentPreparedStatementSetter setter =
                    new org.springframework.jdbc.core.ArgumentPreparedStatementSetter(values.toArray());
            setter.setValues(ps);
            return ps;
        }, keys);
        List<Long> ids = new ArrayList<>(rows);
        for (java.util.Map<String, Object> key : keys.getKeyList()) {
            // Connector/J names the key GENERATED_KEY, H2 after the column: the one value either way
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != rows) {
            throw new IllegalStateException("the database returned " + ids.size() + " ids for " + rows + " rows inserted");
        }
        return ids;
    }
}
