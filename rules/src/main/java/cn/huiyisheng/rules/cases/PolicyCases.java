package cn.huiyisheng.rules.cases;

import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.engine.Reason;
import cn.huiyisheng.rules.engine.RowRef;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Payer;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.HouseholdValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A table's test cases ({@code cases.yaml}): households, and per case a date (or a span of months)
 * with the outcome expected per subject. Run by the build on the shipped versions, and by the
 * policy console on a catalogue as it would be with a draft published; each case passes or lists
 * what it expected and what it got.
 */
public final class PolicyCases {

    public record CaseFile(String table, Map<String, Household> households, List<Case> cases) {
        public CaseFile {
            households = households == null ? Map.of() : Map.copyOf(households);
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }

    public record Case(String name, String household, LocalDate asOf, Span period, BigDecimal total,
                       List<String> benefitFailed, List<Expect> expect) {
    }

    public record Span(YearMonth from, YearMonth to) {
    }

    public record Expect(String subject, Boolean eligible, BigDecimal amount, Integer version, String row, Payer payer,
                         List<String> failed, List<SegmentSpec> segments) {
    }

    public record SegmentSpec(YearMonth from, YearMonth to, Boolean eligible, BigDecimal amount, Integer version) {
    }

    /** What a case expected and what it got, for one value. */
    public record Mismatch(String what, String expected, String actual) {
    }

    /** A case's result: passed, or its mismatches. */
    public record Outcome(String name, LocalDate asOf, Span period, boolean passed, List<Mismatch> mismatches) {
    }

    /** A cases file that cannot be read: where (line and column) and why. */
    public static final class Refused extends RuntimeException {
        private final String where;

        Refused(String where, String message) {
            super(message);
            this.where = where;
        }

        public String where() {
            return where;
        }
    }

    private PolicyCases() {
    }

    /** Reads a cases file, refusing unknown fields, a table other than {@code expected}, and cases naming no household of the file. */
    public static CaseFile parse(byte[] yaml, TableCode expected) {
        CaseFile file;
        try {
            file = PolicyTableDirectory.yaml().readValue(yaml, CaseFile.class);
        } catch (JsonMappingException e) {
            // where: the path of the field (cases.cases[0].expect[0].amount); the line is where the parser stood
            StringBuilder where = new StringBuilder("cases");
            for (JsonMappingException.Reference r : e.getPath()) {
                where.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            String near = e.getLocation() == null ? "" : " (near line " + e.getLocation().getLineNr() + ")";
            String message = e.getOriginalMessage();
            int cut = message.indexOf(" (class ");
            throw new Refused(where.toString(), (cut > 0 ? message.substring(0, cut) : message) + near);
        } catch (JsonProcessingException e) {
            throw new Refused("cases", e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new Refused("cases", e.getMessage());
        }
        if (file == null) {
            throw new Refused("cases", "the file is empty");
        }
        if (file.table() == null || TableCode.parse(file.table()).orElse(null) != expected) {
            throw new Refused("cases.table", "the cases are for " + file.table() + ", not " + expected);
        }
        HouseholdValidator validator = new HouseholdValidator(Stream.of(TableCode.values()).map(Enum::name).collect(Collectors.toSet()));
        for (Map.Entry<String, Household> h : file.households().entrySet()) {
            var problems = validator.validate(h.getValue());
            if (!problems.isEmpty()) {
                throw new Refused("cases.households." + h.getKey() + problems.get(0).path().substring(1), problems.get(0).message());
            }
        }
        for (int i = 0; i < file.cases().size(); i++) {
            Case c = file.cases().get(i);
            String at = "cases.cases[" + i + "]";
            if (c.name() == null || c.name().isBlank()) {
                throw new Refused(at + ".name", "every case has a name");
            }
            if (!file.households().containsKey(c.household())) {
                throw new Refused(at + ".household", "no household '" + c.household() + "' in the file");
            }
            if ((c.asOf() == null) == (c.period() == null)) {
                throw new Refused(at, "a case gives either asOf or period");
            }
            if (c.expect() == null) {
                throw new Refused(at + ".expect", "a case says what it expects");
            }
        }
        return file;
    }

    /** A case as the console's small form gives it: one date, one subject, eligible or not, and the amount. */
    public record NewCase(String name, String household, LocalDate asOf, String subject, boolean eligible, BigDecimal amount) {
    }

    /**
     * The households a case may name: the file's own, then those of the benefit's shipped cases (a
     * shipped one is copied into the file when a case names it).
     */
    public static List<String> households(byte[] own, byte[] shipped) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (byte[] yaml : new byte[][]{own, shipped}) {
            com.fasterxml.jackson.databind.JsonNode tree = tree(yaml);
            if (tree != null && tree.path("households").isObject()) {
                tree.path("households").fieldNames().forEachRemaining(names::add);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The file with one case added (and the household it names, from the shipped cases if the file
     * has none of that name), written back as YAML (comments are not kept); the result is parsed as
     * any file is, so a case the file format refuses is refused here too.
     */
    public static byte[] withCase(byte[] own, byte[] shipped, TableCode code, NewCase c) {
        if (c.asOf() == null) {
            throw new Refused("case.asOf", "a case needs its date");
        }
        if (c.household() == null || c.household().isBlank()) {
            throw new Refused("case.household", "a case names a household");
        }
        if (!List.of("applicant", "spouse", "household").contains(c.subject())) {
            throw new Refused("case.subject", "the subject is applicant, spouse or household");
        }
        if (c.amount() != null && (c.amount().signum() < 0 || c.amount().scale() > 2)) {
            throw new Refused("case.amount", "an amount is yuan with at most 2 decimals, not negative");
        }
        com.fasterxml.jackson.databind.ObjectMapper yaml = PolicyTableDirectory.yaml();
        com.fasterxml.jackson.databind.node.ObjectNode file = tree(own) instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o
                : yaml.createObjectNode().put("table", code.name());
        com.fasterxml.jackson.databind.node.ObjectNode households = file.path("households") instanceof com.fasterxml.jackson.databind.node.ObjectNode h
                ? h : file.putObject("households");
        if (!households.has(c.household())) {
            com.fasterxml.jackson.databind.JsonNode from = tree(shipped) == null ? null : tree(shipped).path("households").get(c.household());
            if (from == null) {
                throw new Refused("case.household", "no household '" + c.household() + "' in the draft's cases or the shipped ones");
            }
            households.set(c.household(), from);
        }
        com.fasterxml.jackson.databind.node.ArrayNode cases = file.path("cases") instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                ? a : file.putArray("cases");
        com.fasterxml.jackson.databind.node.ObjectNode added = cases.addObject();
        added.put("name", c.name() == null || c.name().isBlank() ? c.asOf() + " " + c.subject() : c.name().strip());
        added.put("household", c.household());
        added.put("asOf", c.asOf().toString());
        com.fasterxml.jackson.databind.node.ObjectNode expect = added.putArray("expect").addObject();
        expect.put("subject", c.subject());
        expect.put("eligible", c.eligible());
        if (c.eligible() && c.amount() != null) {
            expect.put("amount", c.amount());
        }
        byte[] bytes;
        try {
            bytes = yaml.writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        parse(bytes, code);
        return bytes;
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(byte[] yaml) {
        if (yaml == null || yaml.length == 0) {
            return null;
        }
        try {
            return PolicyTableDirectory.yaml().readTree(yaml);
        } catch (java.io.IOException e) {
            throw new Refused("cases", "the draft's cases are not YAML: " + e.getMessage());
        }
    }

    /** Runs every case of the file against the engine's catalogue as known at {@code knownAt}. */
    public static List<Outcome> run(Engine engine, Instant knownAt, TableCode code, CaseFile file) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : file.cases()) {
            List<Mismatch> m = new ArrayList<>();
            try {
                check(engine, knownAt, code, file.households().get(c.household()), c, m);
            } catch (RuntimeException e) {
                m.add(new Mismatch("evaluation", "an outcome", e.toString()));
            }
            outcomes.add(new Outcome(c.name(), c.asOf(), c.period(), m.isEmpty(), List.copyOf(m)));
        }
        return outcomes;
    }

    private static void check(Engine engine, Instant knownAt, TableCode code, Household household, Case c, List<Mismatch> m) {
        if (c.period() != null) {
            PeriodDetermination pd = new PeriodEvaluator(engine).evaluate(household, c.period().from(), c.period().to(), knownAt,
                    EnumSet.of(code));
            PeriodDetermination.BenefitPeriod bp = pd.benefit(code.name()).orElse(null);
            if (bp == null) {
                m.add(new Mismatch(code.name(), "a determination", "none"));
                return;
            }
            for (Expect e : c.expect()) {
                PeriodDetermination.SubjectPeriod sp = bp.subjects().stream().filter(s -> s.subject().equals(e.subject())).findFirst()
                        .orElse(null);
                if (sp == null) {
                    m.add(new Mismatch(e.subject(), "a subject " + e.subject(), "none"));
                    continue;
                }
                List<SegmentSpec> want = e.segments() == null ? List.of() : e.segments();
                if (sp.segments().size() != want.size()) {
                    m.add(new Mismatch(e.subject() + " segments", Integer.toString(want.size()), sp.segments().size() + " " + sp.segments()));
                    continue;
                }
                for (int i = 0; i < want.size(); i++) {
                    SegmentSpec w = want.get(i);
                    Segment got = sp.segments().get(i);
                    String what = e.subject() + " segment " + (i + 1);
                    same(m, what + " from", w.from(), got.from());
                    same(m, what + " to", w.to(), got.to());
                    same(m, what + " eligible", w.eligible() == null || w.eligible(), got.eligible());
                    if (w.amount() != null) {
                        amount(m, what + " amount", w.amount(), got.amount());
                    }
                    if (w.version() != null) {
                        same(m, what + " version", w.version(), got.version() == null ? null : got.version().version());
                    }
                }
            }
            return;
        }
        Determination d = engine.evaluate(household, c.asOf(), knownAt, EnumSet.of(code));
        BenefitDetermination b = d.benefit(code.name()).orElse(null);
        if (b == null) {
            m.add(new Mismatch(code.name(), "a determination", "none"));
            return;
        }
        if (c.total() != null) {
            amount(m, "total", c.total(), b.amount());
        }
        if (c.benefitFailed() != null) {
            same(m, "eligible", false, b.eligible());
            List<String> codes = b.reasons().stream().map(Reason::code).toList();
            if (!codes.containsAll(c.benefitFailed())) {
                m.add(new Mismatch("failed", c.benefitFailed().toString(), codes.toString()));
            }
        }
        for (Expect e : c.expect()) {
            ItemDetermination item = b.items().stream().filter(i -> i.subject().equals(e.subject())).findFirst().orElse(null);
            if (item == null) {
                m.add(new Mismatch(e.subject(), "a subject " + e.subject(), "none"));
                continue;
            }
            String s = e.subject();
            if (e.eligible() != null) {
                same(m, s + " eligible", e.eligible(), item.eligible());
            }
            if (e.amount() != null) {
                amount(m, s + " amount", e.amount(), item.amount());
                if (item.amount() != null && item.amount().scale() != 2) {
                    m.add(new Mismatch(s + " amount's decimals", "2", Integer.toString(item.amount().scale())));
                }
            }
            if (e.version() != null) {
                same(m, s + " version", e.version(), item.version() == null ? null : item.version().version());
            }
            if (e.row() != null) {
                same(m, s + " row", List.of(e.row()), item.rows().stream().map(RowRef::rowId).toList());
            }
            if (e.payer() != null) {
                same(m, s + " payer", e.payer(), item.payer());
            }
            if (e.failed() != null) {
                List<String> failed = item.reasons().stream().filter(r -> !r.met()).map(Reason::code).toList();
                if (!failed.containsAll(e.failed())) {
                    m.add(new Mismatch(s + " failed", e.failed().toString(), failed.toString()));
                }
            }
            if (item.eligible()) {
                if (item.reasons().isEmpty()) {
                    m.add(new Mismatch(s + " reasons", "the conditions an eligible outcome met", "none"));
                }
                if (!item.warnings().isEmpty()) {
                    m.add(new Mismatch(s + " warnings", "none", item.warnings().toString()));
                }
            }
        }
    }

    private static void same(List<Mismatch> m, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            m.add(new Mismatch(what, String.valueOf(expected), String.valueOf(actual)));
        }
    }

    private static void amount(List<Mismatch> m, String what, BigDecimal expected, BigDecimal actual) {
        if (actual == null || expected.compareTo(actual) != 0) {
            m.add(new Mismatch(what, expected.toPlainString(), actual == null ? "none" : actual.toPlainString()));
        }
    }

    /** The dates a draft valid from {@code validFrom} must have cases on (the day before and the day itself) that {@code file} lacks. */
    public static List<LocalDate> missingAround(LocalDate validFrom, CaseFile file) {
        Set<LocalDate> dates = file == null ? Set.of() : file.cases().stream().map(Case::asOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : List.of(validFrom.minusDays(1), validFrom)) {
            if (!dates.contains(d)) {
                missing.add(d);
            }
        }
        return missing;
    }
}
