package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.household.Problem;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The security trail as auditors search it (issue 12 §5): who read or changed what, when, from
 * where, refused attempts; by actor, type, outcome, target, address and days (Asia/Shanghai). Each
 * reading of the trail is itself in the trail, with the filters used.
 */
@Service
public class TrailSearch {

    public static final int MAX_EXPORT = 100_000;
    private static final Set<String> OUTCOMES = Set.of("OK", "REFUSED", "FAILED");

    private final SecurityTrail trail;

    public TrailSearch(SecurityTrail trail) {
        this.trail = trail;
    }

    /** The filters as typed; every one optional. */
    public record Query(String actor, String type, String outcome, String target, String address, String from, String to) {
        public static Query empty() {
            return new Query(null, null, null, null, null, null, null);
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (actor != null && !actor.isBlank()) parts.add("actor=" + actor.strip());
            if (type != null && !type.isBlank()) parts.add("type=" + type.strip());
            if (outcome != null && !outcome.isBlank()) parts.add("outcome=" + outcome.strip());
            if (target != null && !target.isBlank()) parts.add("target~" + target.strip());
            if (address != null && !address.isBlank()) parts.add("address=" + address.strip());
            if (from != null && !from.isBlank()) parts.add("from=" + from.strip());
            if (to != null && !to.isBlank()) parts.add("to=" + to.strip());
            return parts.isEmpty() ? "all" : String.join(" ", parts);
        }
    }

    public SecurityTrail.Filter filter(Query q) {
        List<Problem> problems = new ArrayList<>();
        String type = blank(q.type());
        if (type != null && Arrays.stream(SecurityTrail.Type.values()).noneMatch(t -> t.name().equals(type))) {
            problems.add(new Problem("type", "UNKNOWN", "no event type " + type, "没有这种事件类型：" + type));
        }
        String outcome = blank(q.outcome());
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.add(new Problem("outcome", "UNKNOWN", "outcome is OK, REFUSED or FAILED", "结果应为 OK、REFUSED 或 FAILED"));
        }
        LocalDate from = AuditSearch.date("from", q.from(), problems);
        LocalDate to = AuditSearch.date("to", q.to(), problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("to", "BEFORE_FROM", "the last day is before the first", "结束日期早于开始日期"));
        }
        String target = blank(q.target());
        if (target != null && target.length() > 100) {
            problems.add(new Problem("target", "TOO_LONG", "at most 100 characters", "不超过 100 个字符"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new SecurityTrail.Filter(blank(q.actor()), type, outcome, target, blank(q.address()),
                from == null ? null : from.atStartOfDay(AuditSearch.SHANGHAI).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(AuditSearch.SHANGHAI).toInstant());
    }

    /** A page of the trail, newest first; the reading recorded (after the page is read, so it is not on it). */
    public SecurityTrail.Page page(Query q, int page, int size, String auditor) {
        SecurityTrail.Filter f = filter(q);
        SecurityTrail.Page result = trail.search(f, size, (long) Math.max(0, page) * size);
        trail.record(auditor, SecurityTrail.Type.AUDIT_READ, "OK", "security trail", "read page " + page + ": " + q.describe());
        return result;
    }

    /** Every matching event (up to {@link #MAX_EXPORT}), newest first, for a CSV export; the export recorded. */
    public List<SecurityTrail.Entry> export(Query q, String auditor) {
        SecurityTrail.Filter f = filter(q);
        List<SecurityTrail.Entry> all = new ArrayList<>();
        for (long offset = 0; offset < MAX_EXPORT; offset += 1000) {
            List<SecurityTrail.Entry> page = trail.search(f, 1000, offset).entries();
            all.addAll(page);
            if (page.size() < 1000) {
                break;
            }
        }
        trail.record(auditor, SecurityTrail.Type.AUDIT_READ, "OK", "security trail", "CSV export of " + all.size() + ": " + q.describe());
        return all;
    }

    private static String blank(String s) {
        return AuditSearch.blankToNull(s);
    }
}
