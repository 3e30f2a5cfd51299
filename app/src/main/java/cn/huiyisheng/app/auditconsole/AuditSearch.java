package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.auditconsole.persistence.AuditIndexMapper;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.household.ResidentId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The auditors' search of sealed determinations (issue 12 §1): by claim reference, person (their
 * resident ID, looked up by its keyed hash; the search is in the security trail, the ID masked),
 * benefit, version id or SHA-256, the days recorded (Asia/Shanghai), scope and outcome. Every
 * filter is checked and a wrong one named by its field; nothing is searched then.
 */
@Service
public class AuditSearch {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final int MAX_SIZE = 200;

    private final DeterminationIndex index;
    private final PersonKeys keys;
    private final SecurityTrail trail;

    public AuditSearch(DeterminationIndex index, PersonKeys keys, SecurityTrail trail) {
        this.index = index;
        this.keys = keys;
        this.trail = trail;
    }

    /** A search as typed: every field optional, dates as yyyy-MM-dd (both days included). */
    public record Query(String reference, String idNumber, String benefit, String version, String sha256, String from, String to,
                        String scope, String outcome, String asOfFrom, String asOfTo) {
        public static Query empty() {
            return new Query(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public DeterminationIndex.Page find(Query q, int page, int size, String auditor) {
        List<Problem> problems = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            problems.add(new Problem("page", "OUT_OF_RANGE", "page is 0 to 100000", "页码应在 0 至 100000 之间"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new Problem("size", "OUT_OF_RANGE", "size is 1 to " + MAX_SIZE, "每页条数应在 1 至 " + MAX_SIZE + " 之间"));
        }
        return index.search(criteria(q, auditor, problems), page, size);
    }

    /**
     * The index's filters from a query as typed, every one checked (with {@code problems} found
     * before, all thrown together, by field); a search by resident ID is recorded in the trail.
     */
    public AuditIndexMapper.Criteria criteria(Query q, String auditor, List<Problem> problems) {
        String reference = blankToNull(q.reference());
        String id = blankToNull(q.idNumber());
        String personKey = null;
        if (id != null) {
            id = id.toUpperCase(Locale.ROOT);
            if (!ResidentId.isValid(id)) {
                problems.add(new Problem("idNumber", "INVALID", "not a valid resident ID number (GB 11643)", "身份证号码无效（GB 11643）"));
            } else {
                personKey = keys.of(id);
            }
        }
        String benefit = blankToNull(q.benefit());
        if (benefit != null) {
            try {
                TableCode.valueOf(benefit);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("benefit", "UNKNOWN", "no benefit " + benefit, "没有这项待遇：" + benefit));
            }
        }
        String version = blankToNull(q.version());
        if (version != null && !version.matches("[A-Z_]+-v[0-9]{1,5}")) {
            problems.add(new Problem("version", "INVALID", "a version id is written like SPECIAL_SUPPORT-v3", "版本编号的写法如 SPECIAL_SUPPORT-v3"));
        }
        String sha = blankToNull(q.sha256());
        if (sha != null) {
            sha = sha.toLowerCase(Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                problems.add(new Problem("sha256", "INVALID", "a SHA-256 is 64 hexadecimal digits", "SHA-256 应为 64 位十六进制数字"));
            }
        }
        LocalDate from = date("from", q.from(), problems);
        LocalDate to = date("to", q.to(), problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("to", "BEFORE_FROM", "the last day is before the first", "结束日期早于开始日期"));
        }
        LocalDate asOfFrom = date("asOfFrom", q.asOfFrom(), problems);
        LocalDate asOfTo = date("asOfTo", q.asOfTo(), problems);
        if (asOfFrom != null && asOfTo != null && asOfTo.isBefore(asOfFrom)) {
            problems.add(new Problem("asOfTo", "BEFORE_FROM", "the last day is before the first", "结束日期早于开始日期"));
        }
        String scope = blankToNull(q.scope());
        if (scope != null && !Set.of("FULL", "CLAIM", "PAYMENT").contains(scope)) {
            problems.add(new Problem("scope", "UNKNOWN", "scope is FULL, CLAIM or PAYMENT", "范围应为 FULL、CLAIM 或 PAYMENT"));
        }
        String outcome = blankToNull(q.outcome());
        if (outcome != null && !Set.of("ELIGIBLE", "NOT_ELIGIBLE").contains(outcome)) {
            problems.add(new Problem("outcome", "UNKNOWN", "outcome is ELIGIBLE or NOT_ELIGIBLE", "结果应为 ELIGIBLE 或 NOT_ELIGIBLE"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        if (personKey != null) {
            trail.record(auditor, SecurityTrail.Type.AUDIT_READ, "OK", "determinations of person " + ResidentId.mask(id), "search by resident ID");
        }
        return new AuditIndexMapper.Criteria(reference, personKey, benefit, version, sha,
                from == null ? null : from.atStartOfDay(SHANGHAI).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(SHANGHAI).toInstant(),
                scope, outcome, asOfFrom, asOfTo);
    }

    /** A day typed as yyyy-MM-dd, or null when blank; a wrong one is a problem at its field. */
    static LocalDate date(String field, String text, List<Problem> problems) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "INVALID", "a date is written yyyy-MM-dd", "日期格式应为 yyyy-MM-dd"));
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
