package cn.huiyisheng.app.claims.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system's records a claim's evaluation uses, in one statement: what other claims hold for
 * its parents (benefit, person, period), and the other claims sharing a person or the bank
 * account. Of those, only what a risk rule can use: another household's claims (the other claim's
 * applicant is neither of this claim's parents), and the household's own claims still open (its
 * decided claims are its history, and would only fill the sealed record). Each part reads only
 * such rows, by index, whatever the household's history: another household's rows by the
 * household key on claim_person and on the claim (V22), the household's open claims by their
 * applicant and status.
 * <p>
 * Run every evaluation, so written for JDBC with a statement whose text depends only on the
 * number of benefits (the server keeps it prepared): as a MyBatis statement with its lists in
 * {@code foreach} it was a quarter of the evaluation step's JVM samples in {@code ./bench claims},
 * nearly half of that MyBatis building the SQL again (it compiles a regular expression for each
 * item of a {@code foreach}). In the caller's transaction.
 */
@Repository
public class ClaimRecords {

    private final JdbcTemplate jdbc;

    public ClaimRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code n} placeholders in parentheses, for an {@code IN}. */
    private static String in(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /**
     * The grants other claims hold for the parents in the periods this claim could be granted (its
     * months, their years, one-time events and services), and the other claims sharing a person or
     * the bank account (at most ten of each kind, only those a risk rule can use: other households'
     * claims, and claims in these open statuses). The persons are the household's, by key with
     * their role ({@code ClaimParties.persons}); the claim id is the claim's own, excluded (0 for a
     * claim not recorded yet). The applicant's key may be null only if the spouse's is not; both
     * null is no query at all (nothing can match).
     */
    public List<ClaimMapper.RecordRow> find(long claimId, List<ClaimPartyRow> persons, String bankAccount, String applicantKey,
                                            String spouseKey, List<String> openStatuses, List<String> benefits, String fromMonth,
                                            String toMonth, String fromYear, String toYear) {
        if (applicantKey == null && spouseKey == null) {
            return List.of();
        }
        // the household's keys, always two (one repeated when there is one parent): a fixed shape
        String k1 = applicantKey != null ? applicantKey : spouseKey;
        String k2 = spouseKey != null ? spouseKey : applicantKey;
        String low = k1.compareTo(k2) <= 0 ? k1 : k2;
        String high = k1.compareTo(k2) <= 0 ? k2 : k1;
        // each person's key once, with the roles it has in this household (a row found is one for each role,
        // as a join with the claim's own persons gave)
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (ClaimPartyRow person : persons) {
            roles.computeIfAbsent(person.personKey(), k -> new ArrayList<>(1)).add(person.role());
        }
        if (roles.isEmpty()) {
            roles.put(k1, List.of()); // a household of no recorded person: nothing to find by person, the query keeps its shape
        }
        String keys = in(roles.size());
        String open = in(openStatuses.size());
        List<Object> p = new ArrayList<>();
        StringBuilder sql = new StringBuilder(2400);
        // the person part: the persons' keys are bound, so that the index on (person_key, household_key, claim_id)
        // reads another household's rows by ranges that skip this household's own (a household claiming month by month
        // made a join from the claim's own persons read its whole history: ./bench claims, 94 rows a claim)
        sql.append("""
                (SELECT 'PERSON' AS kind, theirs.person_key AS role, c.reference AS reference, c.status AS status,
                        FALSE AS same_household, NULL AS benefit, NULL AS person_key, NULL AS period, c.id AS claim_id
                 FROM claim_person theirs
                 JOIN claim c ON c.id = theirs.claim_id
                 WHERE theirs.person_key IN\s""").append(keys).append("""
                 AND theirs.claim_id <> ?
                   AND (theirs.household_key IS NULL OR theirs.household_key < ? OR theirs.household_key > ?
                        OR (theirs.household_key > ? AND theirs.household_key < ?))
                 ORDER BY c.id DESC LIMIT 10)
                UNION ALL
                (SELECT 'PERSON' AS kind, theirs.person_key AS role, c.reference AS reference, c.status AS status,
                        TRUE AS same_household, NULL AS benefit, NULL AS person_key, NULL AS period, c.id AS claim_id
                 FROM claim c
                 JOIN claim_person theirs ON theirs.claim_id = c.id AND theirs.person_key IN\s""").append(keys).append("""

                 WHERE c.applicant_key IN (?, ?) AND c.status IN\s""").append(open).append("""
                 AND c.id <> ?
                 ORDER BY c.id DESC LIMIT 10)
                UNION ALL
                (SELECT 'BANK_ACCOUNT' AS kind, NULL AS role, c.reference AS reference, c.status AS status, FALSE AS same_household,
                        NULL AS benefit, NULL AS person_key, NULL AS period, c.id AS claim_id
                 FROM claim c
                 WHERE c.bank_account = ? AND c.id <> ?
                   AND (c.applicant_key IS NULL OR c.applicant_key < ? OR c.applicant_key > ?
                        OR (c.applicant_key > ? AND c.applicant_key < ?))
                 ORDER BY c.id DESC LIMIT 10)
                UNION ALL
                (SELECT 'BANK_ACCOUNT' AS kind, NULL AS role, c.reference AS reference, c.status AS status, TRUE AS same_household,
                        NULL AS benefit, NULL AS person_key, NULL AS period, c.id AS claim_id
                 FROM claim c
                 WHERE c.applicant_key IN (?, ?) AND c.status IN\s""").append(open).append("""
                 AND c.bank_account = ? AND c.id <> ?
                 ORDER BY c.id DESC LIMIT 10)
                UNION ALL
                (SELECT 'HELD' AS kind, NULL AS role, c.reference AS reference, c.status AS status, FALSE AS same_household,
                        g.benefit AS benefit, g.person_key AS person_key, g.period AS period, c.id AS claim_id
                 FROM benefit_grant g JOIN claim c ON c.id = g.claim_id
                 WHERE g.person_key IN (?, ?)""");
        // the person part
        p.addAll(roles.keySet());
        p.add(claimId);
        p.add(low);
        p.add(high);
        p.add(low);
        p.add(high);
        p.addAll(roles.keySet());
        p.add(k1);
        p.add(k2);
        p.addAll(openStatuses);
        p.add(claimId);
        // the bank account part: "not one of the household's keys" said as ranges, so that the index on
        // (bank_account, applicant_key) skips the household's own claims instead of reading each (a household
        // claiming month by month made this read grow with its history: ./bench claims)
        p.add(bankAccount);
        p.add(claimId);
        p.add(low);
        p.add(high);
        p.add(low);
        p.add(high);
        p.add(k1);
        p.add(k2);
        p.addAll(openStatuses);
        p.add(bankAccount);
        p.add(claimId);
        // the grants part: only the periods this claim could be granted (its months, the years they fall
        // in: a month of those years matches too, harmlessly; one-time events and services)
        p.add(k1);
        p.add(k2);
        if (benefits != null && !benefits.isEmpty()) {
            sql.append(" AND g.benefit IN ").append(in(benefits.size()));
            p.addAll(benefits);
        }
        sql.append("""
                 AND g.claim_id <> ?
                   AND (g.period BETWEEN ? AND ? OR g.period BETWEEN ? AND ?
                        OR g.period LIKE 'ONCE@%' OR g.period LIKE 'SERVICE@%'))""");
        p.add(claimId);
        p.add(fromMonth);
        p.add(toMonth);
        p.add(fromYear);
        p.add(toYear);
        List<ClaimMapper.RecordRow> found = jdbc.query(sql.toString(), (rs, i) -> new ClaimMapper.RecordRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getLong(9)), p.toArray());
        // a person's row once for each role the person has here (the role column carried the person's key); of each
        // kind the ten latest claims (each part brought its ten latest: the ten latest of both are among them)
        List<ClaimMapper.RecordRow> rows = new ArrayList<>(found.size());
        List<ClaimMapper.RecordRow> byPerson = new ArrayList<>();
        List<ClaimMapper.RecordRow> byAccount = new ArrayList<>();
        for (ClaimMapper.RecordRow r : found) {
            if (r.kind().equals("PERSON")) {
                for (String role : roles.getOrDefault(r.role(), List.of())) {
                    byPerson.add(new ClaimMapper.RecordRow(r.kind(), role, r.reference(), r.status(), r.sameHousehold(), r.benefit(),
                            r.personKey(), r.period(), r.claimId()));
                }
            } else if (r.kind().equals("BANK_ACCOUNT")) {
                byAccount.add(r);
            } else {
                rows.add(r);
            }
        }
        rows.addAll(latest(byPerson));
        rows.addAll(latest(byAccount));
        return rows;
    }

    /** The rows of the ten latest claims among these (by claim id, the latest first). */
    private static List<ClaimMapper.RecordRow> latest(List<ClaimMapper.RecordRow> rows) {
        rows.sort(Comparator.comparingLong(ClaimMapper.RecordRow::claimId).reversed());
        return rows.subList(0, Math.min(10, rows.size()));
    }

    /**
     * Records a claim's persons (one statement; its text depends only on the number of rows, as
     * for {@link #find}: a MyBatis {@code foreach} built it, with a regular expression per value, on
     * every claim submitted).
     */
    public void insertParties(List<ClaimPartyRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> p = new ArrayList<>(rows.size() * 4);
        for (ClaimPartyRow r : rows) {
            p.add(r.claimId());
            p.add(r.personKey());
            p.add(r.role());
            p.add(r.householdKey());
        }
        jdbc.update("INSERT INTO claim_person (claim_id, person_key, role, household_key) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?)")), p.toArray());
    }
}
