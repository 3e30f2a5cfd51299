package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.rules.replay.JsonDiff;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Formats;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.RowRef;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.engine.VersionRef;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.ParsedTable;
import cn.huiyisheng.rules.table.TableReader;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One sealed determination as an auditor reads it (issue 12 §1, §2): the record with its facts
 * masked (in clear only for a stated reason, which the security trail keeps), each version it used
 * with its SHA-256 and legal basis and the deciding rows of its table, its place in the chain
 * checked; and replayed: as decided (the same facts, dates, scope, system records and versions:
 * the same bytes, or each difference at its JSON pointer) and as the rules are known now (per
 * benefit, subject and month the amount then and now, and the version that makes the difference).
 */
@Service
public class AuditRecords {

    private static final Formats FORMATS = new Formats();

    private final SealedDeterminations determinations;
    private final PolicyCatalog catalog;
    private final SecurityTrail trail;
    private final Clock clock;

    public AuditRecords(SealedDeterminations determinations, PolicyCatalog catalog, SecurityTrail trail, Clock clock) {
        this.determinations = determinations;
        this.catalog = catalog;
        this.trail = trail;
        this.clock = clock;
    }

    /** A record: what it is, where it stands in the chain, the facts (masked unless unmasked), versions, deciding rows. */
    public record Record(long id, Long seq, long claimId, Instant recordedAt, LocalDate asOf, Instant knownAt, String scope, String periodFrom,
                         String periodTo, List<String> benefits, String engineVersion, String hash, String prevHash,
                         SealedDeterminations.SealCheck seal, boolean unmasked, String factsJson, String resultSha256,
                         List<Version> versions, List<Decided> decided, String outcome, BigDecimal total) {
    }

    /** A version the record used: as stored in the record and as the catalog holds it, with its table and the deciding rows. */
    public record Version(String id, String sha256, boolean shaMatchesCatalog, LocalDate validFrom, Instant publishedAt, String basisDocument,
                          String basisClause, List<String> columnsZh, List<String> columnsEn, List<Row> rows) {
    }

    public record Row(int sheetRow, String rowId, List<String> cells, boolean deciding) {
    }

    /** What one item or segment decided, and by which version and rows. */
    public record Decided(String benefit, String subject, String from, String to, boolean eligible, BigDecimal amount, String version,
                          List<String> rows, List<Because> reasons) {
    }

    /** A condition of the deciding row (or one that failed), in both languages, and whether it held. */
    public record Because(boolean met, String zh, String en) {
    }

    private static List<Because> because(List<cn.huiyisheng.rules.engine.Reason> reasons) {
        return reasons.stream().map(r -> new Because(r.met(), r.zh(), r.en())).toList();
    }

    @Transactional(readOnly = true)
    public Record read(long id) {
        return view(row(id), false);
    }

    /** The facts in clear: only for a reason (at least 4 characters), which the security trail keeps with who and when. */
    @Transactional
    public Record unmask(long id, String auditor, String reason) {
        if (reason == null || reason.strip().length() < 4 || reason.strip().length() > 500) {
            throw new BadInput(List.of(new Problem("reason", "REQUIRED", "state why the facts are needed in clear (4 to 500 characters)",
                    "请说明查看完整信息的理由（4 至 500 字）")));
        }
        DeterminationRow row = row(id);
        trail.record(auditor, SecurityTrail.Type.AUDIT_READ, "OK", "determination " + id, "facts unmasked: " + reason.strip());
        return view(row, true);
    }

    private DeterminationRow row(long id) {
        return determinations.find(id).orElseThrow(() -> new ApiErrors.NotFound("no determination " + id));
    }

    private Record view(DeterminationRow row, boolean clear) {
        EvaluationResponse response = determinations.response(row);
        List<Decided> decided = decided(response);
        Map<String, Set<String>> decidingRows = new TreeMap<>();
        forEachDecision(response, (version, rows) -> decidingRows.computeIfAbsent(version, v -> new TreeSet<>())
                .addAll(rows.stream().map(RowRef::rowId).toList()));
        List<Version> versions = new ArrayList<>();
        JsonNode used = determinations.tree(row.getVersionsJson());
        for (Iterator<String> it = used.fieldNames(); it.hasNext(); ) {
            String v = it.next();
            versions.add(version(v, used.get(v).asText(), decidingRows.getOrDefault(v, Set.of())));
        }
        JsonNode facts = determinations.tree(row.getFactsJson());
        String factsText = (clear ? facts : mask(facts.deepCopy())).toPrettyString();
        return new Record(row.getId(), row.getSeq(), row.getClaimId(), row.getRecordedAt(), row.getAsOf(), row.getKnownAt(), row.getScope(),
                row.getPeriodFrom(), row.getPeriodTo(), row.getBenefits().isBlank() ? List.of() : List.of(row.getBenefits().split(",")),
                row.getEngineVersion(), row.getHash(), row.getPrevHash(), determinations.check(row), clear, factsText,
                SealedDeterminations.sha256(row.getResultJson()), versions, decided,
                DeterminationIndex.eligible(response) ? "ELIGIBLE" : "NOT_ELIGIBLE", DeterminationIndex.total(response));
    }

    /** Names, ID numbers and bank accounts masked, wherever they are in the facts. */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getKey().equals("name")) {
                    e.setValue(TextNode.valueOf(FORMATS.maskName(e.getValue().asText())));
                } else if (e.getValue().isTextual() && e.getKey().equals("idNumber")) {
                    e.setValue(TextNode.valueOf(FORMATS.maskId(e.getValue().asText())));
                } else if (e.getValue().isTextual() && e.getKey().toLowerCase(java.util.Locale.ROOT).contains("account")) {
                    e.setValue(TextNode.valueOf(FORMATS.maskAccount(e.getValue().asText())));
                } else {
                    mask(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(AuditRecords::mask);
        }
        return node;
    }

    private Version version(String id, String sha256, Set<String> deciding) {
        int dash = id.lastIndexOf("-v");
        PolicyTable table = null;
        try {
            table = catalog.version(TableCode.valueOf(id.substring(0, dash)), Integer.parseInt(id.substring(dash + 2))).orElse(null);
        } catch (RuntimeException unknown) {
            // a version id the catalog does not know: shown as recorded, without its table
        }
        if (table == null) {
            return new Version(id, sha256, false, null, null, null, null, List.of(), List.of(), List.of());
        }
        var template = TableTemplates.of(table.code());
        ParsedTable parsed = TableReader.read(template, table.bytes());
        List<Row> rows = new ArrayList<>();
        for (TableRow r : parsed.rows()) {
            rows.add(new Row(r.sheetRow(), r.rowId(), r.values().stream().map(AuditRecords::cell).toList(), deciding.contains(r.rowId())));
        }
        return new Version(id, sha256, sha256.equals(table.sha256()), table.validFrom(), table.publishedAt(),
                table.basis() == null ? null : table.basis().document(), table.basis() == null ? null : table.basis().clause(),
                template.columns().stream().map(Column::zh).toList(), template.columns().stream().map(Column::en).toList(), rows);
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(v);
    }

    private interface DecisionVisitor {
        void visit(String version, List<RowRef> rows);
    }

    private static void forEachDecision(EvaluationResponse r, DecisionVisitor visitor) {
        if (r.determination() != null) {
            for (BenefitDetermination b : r.determination().benefits()) {
                for (ItemDetermination i : b.items()) {
                    if (i.version() != null) {
                        visitor.visit(i.version().id(), i.rows());
                    }
                }
            }
        }
        if (r.period() != null) {
            for (PeriodDetermination.BenefitPeriod b : r.period().benefits()) {
                for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                    for (Segment g : s.segments()) {
                        if (g.version() != null) {
                            visitor.visit(g.version().id(), g.rows());
                        }
                    }
                }
            }
        }
    }

    private static List<Decided> decided(EvaluationResponse r) {
        List<Decided> out = new ArrayList<>();
        if (r.determination() != null) {
            for (BenefitDetermination b : r.determination().benefits()) {
                for (ItemDetermination i : b.items()) {
                    out.add(new Decided(b.benefit(), i.subject(), i.assessedOn() == null ? null : i.assessedOn().toString(), null, i.eligible(),
                            i.amount(), i.version() == null ? null : i.version().id(), rows(i.rows()), because(i.reasons())));
                }
            }
        }
        if (r.period() != null) {
            for (PeriodDetermination.BenefitPeriod b : r.period().benefits()) {
                for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                    for (Segment g : s.segments()) {
                        out.add(new Decided(b.benefit(), s.subject(), g.from().toString(), g.to().toString(), g.eligible(), g.amount(),
                                g.version() == null ? null : g.version().id(), rows(g.rows()), because(g.reasons())));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> rows(List<RowRef> rows) {
        return rows.stream().map(x -> x.rowId() + " (" + x.sheetRow() + ")").toList();
    }

    // ---------------------------------------------------------------- replay

    /** Replayed as decided: the stored result's and the replay's SHA-256, and each difference (none when identical). */
    public record AsDecided(long id, boolean identical, String storedSha256, String replayedSha256, String engineThen, String engineNow,
                            List<JsonDiff.Op> differences, String patch) {
    }

    @Transactional(readOnly = true)
    public AsDecided replayAsDecided(long id) {
        DeterminationRow row = row(id);
        SealedDeterminations.Replay replay = determinations.replay(row);
        List<JsonDiff.Op> ops = replay.identical() ? List.of()
                : JsonDiff.diff(determinations.tree(row.getResultJson()), determinations.tree(replay.replayedJson()));
        return new AsDecided(id, replay.identical(), SealedDeterminations.sha256(row.getResultJson()),
                SealedDeterminations.sha256(replay.replayedJson()), row.getEngineVersion(), Engine.VERSION, ops, JsonDiff.patch(ops));
    }

    /**
     * Replayed as the rules are known now: per benefit, subject and run of months (or the date, for
     * what is decided as of it) the outcome then and now where they differ, with the version then
     * and now; the cause is the version now when it is another one, else the engine.
     */
    public record AsKnownNow(long id, Instant knownNow, List<Drift> drifts, BigDecimal amountDrift, boolean unchanged) {
    }

    public record Drift(String benefit, String subject, String from, String to, int units, boolean eligibleThen, BigDecimal amountThen,
                        boolean eligibleNow, BigDecimal amountNow, String versionThen, String versionNow, String cause) {
        /** The difference over the run: (now − then) × units, ineligible as 0. */
        public BigDecimal change() {
            BigDecimal then = eligibleThen && amountThen != null ? amountThen : BigDecimal.ZERO;
            BigDecimal now = eligibleNow && amountNow != null ? amountNow : BigDecimal.ZERO;
            return now.subtract(then).multiply(BigDecimal.valueOf(units));
        }
    }

    @Transactional(readOnly = true)
    public AsKnownNow replayAsKnownNow(long id) {
        return replayAsKnownAt(row(id), clock.instant());
    }

    /** As {@link #replayAsKnownNow(long)}, of a record already read, under the versions known at an instant (a bulk run's start). */
    public AsKnownNow replayAsKnownAt(DeterminationRow row, Instant now) {
        long id = row.getId();
        EvaluationResponse then = determinations.response(row);
        EvaluationResponse current = determinations.evaluateAgain(row, now);
        List<Drift> drifts = new ArrayList<>();
        String engineCause = Engine.VERSION.equals(row.getEngineVersion()) ? "ENGINE" : "ENGINE " + row.getEngineVersion() + " → " + Engine.VERSION;
        // one-time benefits and services, decided as of the date
        Map<String, ItemDetermination> before = items(then);
        Map<String, ItemDetermination> after = items(current);
        for (String key : union(before.keySet(), after.keySet())) {
            ItemDetermination a = before.get(key);
            ItemDetermination b = after.get(key);
            boolean ae = a != null && a.eligible();
            boolean be = b != null && b.eligible();
            if (ae != be || !same(a == null ? null : a.amount(), b == null ? null : b.amount())) {
                String[] k = key.split("\\|", 2);
                String date = a != null && a.assessedOn() != null ? a.assessedOn().toString() : b != null && b.assessedOn() != null
                        ? b.assessedOn().toString() : row.getAsOf().toString();
                drifts.add(new Drift(k[0], k[1], date, date, 1, ae, a == null ? null : a.amount(), be, b == null ? null : b.amount(),
                        id(a == null ? null : a.version()), id(b == null ? null : b.version()),
                        cause(id(a == null ? null : a.version()), id(b == null ? null : b.version()), engineCause)));
            }
        }
        // recurring benefits, month by month (year by year), runs of the same change joined
        Map<String, Map<YearMonth, Segment>> monthsThen = months(then);
        Map<String, Map<YearMonth, Segment>> monthsNow = months(current);
        for (String key : union(monthsThen.keySet(), monthsNow.keySet())) {
            Map<YearMonth, Segment> a = monthsThen.getOrDefault(key, Map.of());
            Map<YearMonth, Segment> b = monthsNow.getOrDefault(key, Map.of());
            String[] k = key.split("\\|", 3);
            int step = Periodicity.YEARLY.name().equals(k[2]) ? 12 : 1;
            Drift open = null;
            YearMonth last = null;
            for (YearMonth m : new TreeSet<>(union(a.keySet(), b.keySet()))) {
                Segment x = a.get(m);
                Segment y = b.get(m);
                boolean xe = x != null && x.eligible();
                boolean ye = y != null && y.eligible();
                if (xe == ye && same(x == null ? null : x.amount(), y == null ? null : y.amount())) {
                    open = null;
                    continue;
                }
                Drift d = new Drift(k[0], k[1], m.toString(), m.toString(), 1, xe, x == null ? null : x.amount(), ye, y == null ? null : y.amount(),
                        id(x == null ? null : x.version()), id(y == null ? null : y.version()),
                        cause(id(x == null ? null : x.version()), id(y == null ? null : y.version()), engineCause));
                if (open != null && last != null && last.plusMonths(step).equals(m) && open.eligibleThen() == d.eligibleThen()
                        && same(open.amountThen(), d.amountThen()) && open.eligibleNow() == d.eligibleNow() && same(open.amountNow(), d.amountNow())
                        && Objects.equals(open.versionThen(), d.versionThen()) && Objects.equals(open.versionNow(), d.versionNow())) {
                    open = new Drift(open.benefit(), open.subject(), open.from(), m.toString(), open.units() + 1, open.eligibleThen(),
                            open.amountThen(), open.eligibleNow(), open.amountNow(), open.versionThen(), open.versionNow(), open.cause());
                    drifts.set(drifts.size() - 1, open);
                } else {
                    drifts.add(d);
                    open = d;
                }
                last = m;
            }
        }
        BigDecimal total = drifts.stream().map(Drift::change).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AsKnownNow(id, now, drifts, total.setScale(2, java.math.RoundingMode.HALF_UP), drifts.isEmpty());
    }

    private static String cause(String then, String now, String engine) {
        return now != null && !now.equals(then) ? now : then != null && now == null ? "WITHDRAWN " + then : engine;
    }

    private static String id(VersionRef v) {
        return v == null ? null : v.id();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static <T> List<T> union(Collection<T> a, Collection<T> b) {
        java.util.LinkedHashSet<T> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** The items decided as of the date, by benefit and subject; recurring benefits are compared by month instead, when there is a period. */
    private static Map<String, ItemDetermination> items(EvaluationResponse r) {
        Map<String, ItemDetermination> out = new LinkedHashMap<>();
        if (r.determination() == null) {
            return out;
        }
        Set<String> monthly = r.period() == null ? Set.of()
                : r.period().benefits().stream().map(PeriodDetermination.BenefitPeriod::benefit).collect(Collectors.toSet());
        for (BenefitDetermination b : r.determination().benefits()) {
            if (monthly.contains(b.benefit())) {
                continue;
            }
            for (ItemDetermination i : b.items()) {
                out.put(b.benefit() + "|" + i.subject(), i);
            }
        }
        return out;
    }

    private static Map<String, Map<YearMonth, Segment>> months(EvaluationResponse r) {
        Map<String, Map<YearMonth, Segment>> out = new LinkedHashMap<>();
        if (r.period() == null) {
            return out;
        }
        for (PeriodDetermination.BenefitPeriod b : r.period().benefits()) {
            int step = b.periodicity() == Periodicity.YEARLY ? 12 : 1;
            for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                Map<YearMonth, Segment> byMonth = out.computeIfAbsent(b.benefit() + "|" + s.subject() + "|" + b.periodicity(), k -> new TreeMap<>());
                for (Segment g : s.segments()) {
                    for (YearMonth m = g.from(); !m.isAfter(g.to()); m = m.plusMonths(step)) {
                        byMonth.put(m, g);
                    }
                }
            }
        }
        return out;
    }
}
