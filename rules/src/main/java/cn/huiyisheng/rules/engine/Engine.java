package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.catalog.Catalog;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.Payer;
import cn.huiyisheng.rules.facts.Subject;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.table.TableTemplates;
import org.kie.api.runtime.KieSession;
import org.kie.api.KieBase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Evaluates a household as of a date under the versions known at an instant. Each subject is
 * inserted into the entry point of its table in one Drools session whose knowledge base holds
 * exactly the versions needed: a version's own, or that of a set of versions, built once by the
 * compiler and shared by every engine over it (a simulation's engine too).
 */
public final class Engine {

    public static final String VERSION = "huiyisheng-rules/0.1.0";

    private static final int MAX_PREPARED = 256;

    private final Catalog catalog;
    private final TableCompiler compiler;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

    /**
     * What a version needs at evaluation, prepared once: its compiled table, explainer and reference,
     * and the readers of the subject attributes its conditions read (the key of its outcomes).
     */
    private record Prepared(String key, CompiledTable compiled, RowExplainer explainer, VersionRef ref, int changeKinds,
                            List<java.util.function.Function<Subject, Object>> conditions) {

        static Prepared of(String key, CompiledTable compiled, VersionRef ref) {
            List<String> attributes = compiled.template().conditions().stream()
                    .map(cn.huiyisheng.rules.table.Column::attribute).distinct().sorted().toList();
            return new Prepared(key, compiled, new RowExplainer(compiled), ref, SubjectFactory.kinds(attributes),
                    attributes.stream().map(Subject.ATTRIBUTES::get).toList());
        }

        Outcome outcomeOf(Subject subject) {
            Object[] values = new Object[conditions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = conditions.get(i).apply(subject);
            }
            return new Outcome(key, values);
        }
    }

    /** A version and the values of its condition attributes: what decides the rows a subject matches. */
    private static final class Outcome {
        final String version;
        final Object[] values;
        final int hash;

        Outcome(String version, Object[] values) {
            this.version = version;
            this.values = values;
            this.hash = 31 * version.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && hash == other.hash && version.equals(other.version) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The rows matched per outcome key, so that Drools fires once per distinct combination of a
     * version's condition attributes (a household evaluated month by month, and households alike,
     * share them). Bounded: emptied when full.
     */
    private static final int MAX_OUTCOMES = 100_000;
    private final Map<Outcome, Known> outcomes = new ConcurrentHashMap<>();

    /** An outcome seen before: the rows it matched and, once put into words, its explanation (one lookup for both). */
    private static final class Known {
        final List<Subject.Match> matches;
        volatile Explained explained;

        Known(List<Subject.Match> matches) {
            this.matches = matches;
        }
    }

    /** The same, by the version object itself: the catalogue hands out the same objects, and the key string costs more than the lookup. */
    private final Map<IdentityKey, Prepared> preparedByObject = new ConcurrentHashMap<>();

    private record IdentityKey(PolicyTable version) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey other && other.version == version;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(version);
        }
    }

    private Prepared prepared(PolicyTable version) {
        IdentityKey identity = new IdentityKey(version);
        Prepared known = preparedByObject.get(identity);
        if (known != null) {
            return known;
        }
        if (preparedByObject.size() >= MAX_PREPARED) {
            preparedByObject.clear();
        }
        Prepared p = preparedByKey(version);
        preparedByObject.putIfAbsent(identity, p);
        return p;
    }

    private Prepared preparedByKey(PolicyTable version) {
        // by version and bytes: two versions may share their bytes (the same rows published again from
        // another date), and each determination must name the version that decided it
        String key = version.id() + "@" + version.sha256();
        Prepared p = prepared.get(key);
        if (p == null) {
            CompiledTable compiled = compiled(version);
            p = prepared.computeIfAbsent(key, k -> Prepared.of(k, compiled, VersionRef.of(version)));
        }
        return p;
    }

    public Engine(Catalog catalog, TableCompiler compiler) {
        this.catalog = catalog;
        this.compiler = compiler;
    }

    public Catalog catalog() {
        return catalog;
    }

    public TableCompiler compiler() {
        return compiler;
    }

    /** Every benefit, as of a date, with the versions known now. */
    public Determination evaluate(Household household, LocalDate asOf, Instant knownAt) {
        return evaluate(household, asOf, knownAt, benefits());
    }

    public static Set<TableCode> benefits() {
        return Arrays.stream(TableCode.values()).filter(TableCode::isBenefit)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TableCode.class)));
    }

    public CompiledTable compiled(PolicyTable version) {
        return compiler.compile(TableTemplates.of(version.code()), version.bytes(), version.sha256());
    }

    public Determination evaluate(Household household, LocalDate asOf, Instant knownAt, Set<TableCode> codes) {
        return evaluate(household, asOf, knownAt, codes, false).determination();
    }

    /**
     * A determination and the first day after its date on which it may differ (null: on no day): no
     * version of its tables starts before then, and no attribute their conditions read can change
     * ({@link SubjectFactory#nextChange}). A span's months up to that day are decided alike.
     */
    public record Lasting(Determination determination, LocalDate until) {
    }

    public Lasting evaluateLasting(Household household, LocalDate asOf, Instant knownAt, Set<TableCode> codes) {
        return evaluate(household, asOf, knownAt, codes, true);
    }

    private Lasting evaluate(Household household, LocalDate asOf, Instant knownAt, Set<TableCode> codes, boolean lasting) {
        SubjectFactory factory = new SubjectFactory(household);
        List<TableCode> order = new ArrayList<>(codes.size());
        List<List<Run>> runsByCode = new ArrayList<>(codes.size());
        List<Run> runs = new ArrayList<>();
        for (TableCode code : codes) {
            List<Run> forCode = new ArrayList<>(2);
            for (SubjectFactory.Assessment a : factory.assess(code, asOf)) {
                PolicyTable version = catalog.inForce(code, a.versionDate(), knownAt).orElse(null);
                Run run = new Run(a.subject(), version);
                if (version != null && code == TableCode.RETIREMENT_ONE_CHILD_REWARD) {
                    Subject wage = SubjectFactory.wageFor(a.subject());
                    run.wage = new Run(wage, catalog.inForce(TableCode.CITY_AVERAGE_WAGE, a.versionDate(), knownAt).orElse(null));
                }
                forCode.add(run);
                runs.add(run);
            }
            order.add(code);
            runsByCode.add(forCode);
        }
        fire(runs);
        LocalDate until = lasting ? until(factory, runs, asOf, knownAt) : null;
        List<BenefitDetermination> results = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            TableCode code = order.get(i);
            List<ItemDetermination> items = new ArrayList<>(runsByCode.get(i).size());
            boolean eligible = false;
            BigDecimal amount = code.isService() ? null : ZERO;
            for (Run run : runsByCode.get(i)) {
                ItemDetermination item = item(run);
                items.add(item);
                if (item.eligible()) {
                    eligible = true;
                    if (amount != null) {
                        amount = amount.add(item.amount());
                    }
                }
            }
            List<Reason> reasons = items.isEmpty() ? List.of(nothingToAssess(code)) : List.of();
            results.add(new BenefitDetermination(code.name(), code.zh(), code.en(), code.periodicity(), eligible, amount, items, reasons));
        }
        return new Lasting(new Determination(asOf, knownAt, VERSION, results), until);
    }

    /** The first day after {@code asOf} on which any run's version or the attributes its conditions read may change. */
    private LocalDate until(SubjectFactory factory, List<Run> runs, LocalDate asOf, Instant knownAt) {
        LocalDate until = null;
        for (Run run : runs) {
            if (run.wage != null || !run.subject.getAssessedOn().equals(asOf)) {
                return asOf.plusDays(1); // decided on another date, or on a second table: not carried over
            }
            LocalDate next = catalog.nextValidFrom(run.subject.getTable(), asOf, knownAt);
            if (run.prepared != null) {
                LocalDate changes = factory.nextChange(run.prepared.changeKinds(), asOf);
                next = next == null || changes != null && changes.isBefore(next) ? changes : next;
            }
            if (next != null && (until == null || next.isBefore(until))) {
                until = next;
            }
        }
        return until;
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A subject and the version that decides it (null when none is in force). */
    private static final class Run {
        final Subject subject;
        final PolicyTable version;
        Prepared prepared;
        Outcome outcome;
        Known known;
        Run wage;

        Run(Subject subject, PolicyTable version) {
            this.subject = subject;
            this.version = version;
        }
    }

    /** Fires every run; a knowledge base holds one version per table, so runs that need two go in rounds. */
    private void fire(List<Run> runs) {
        List<Run> pending = new ArrayList<>();
        for (Run run : runs) {
            if (run.version != null) {
                run.prepared = prepared(run.version);
                known(run, pending);
                if (run.wage != null && run.wage.version != null) {
                    run.wage.prepared = prepared(run.wage.version);
                    known(run.wage, pending);
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<Run> fired = pending;
        while (!pending.isEmpty()) {
            Map<TableCode, PolicyTable> chosen = new LinkedHashMap<>();
            List<Run> round = new ArrayList<>();
            List<Run> later = new ArrayList<>();
            for (Run run : pending) {
                PolicyTable already = chosen.putIfAbsent(run.version.code(), run.version);
                (already == null || already == run.version ? round : later).add(run);
            }
            fireRound(chosen.values(), round);
            pending = later;
        }
        if (outcomes.size() >= MAX_OUTCOMES) {
            outcomes.clear();
        }
        for (Run run : fired) {
            Known fresh = new Known(List.copyOf(run.subject.matches()));
            Known raced = outcomes.putIfAbsent(run.outcome, fresh);
            run.known = raced == null ? fresh : raced;
        }
    }

    /** Takes the rows of an outcome fired before; else the run is to fire. */
    private void known(Run run, List<Run> pending) {
        run.outcome = run.prepared.outcomeOf(run.subject);
        Known known = outcomes.get(run.outcome);
        if (known != null) {
            run.known = known;
            run.subject.adopt(known.matches);
        } else {
            pending.add(run);
        }
    }

    private void fireRound(java.util.Collection<PolicyTable> versions, List<Run> round) {
        List<PolicyTable> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(PolicyTable::code));
        KieBase kieBase;
        if (sorted.size() == 1) {
            kieBase = prepared(sorted.get(0)).compiled().kieBase(); // the version's own, compiled with it
        } else {
            List<String> key = new ArrayList<>(sorted.size());
            for (PolicyTable v : sorted) {
                key.add(v.sha256());
            }
            kieBase = compiler.ruleSet(key, () -> sorted.stream().map(v -> prepared(v).compiled().drl()).toList());
        }
        // a fresh session is cheaper than a pooled one: reset clears every node memory of the
        // knowledge base, a new session only creates those its facts touch (measured: 4x faster)
        KieSession session = kieBase.newKieSession();
        try {
            for (Run run : round) {
                session.getEntryPoint(run.version.code().name()).insert(run.subject);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    /**
     * An outcome put into words: the same for every subject with the same outcome key (the rows,
     * the amount and the reasons are functions of the condition attributes), but for the subject's
     * label, path and date. Not kept for a rate applied to the average wage (it depends on another table).
     */
    private record Explained(boolean eligible, BigDecimal amount, Payer payer, VersionRef ref, List<RowRef> rows, List<Reason> reasons,
                             List<String> warnings) {

        ItemDetermination item(Subject s) {
            return new ItemDetermination(s.getLabel(), s.getPath(), s.getAssessedOn(), eligible, amount, payer, ref, rows, reasons, warnings);
        }
    }

    private ItemDetermination item(Run run) {
        Subject s = run.subject;
        if (run.version == null) {
            return refusal(s, null, List.of(new Reason("NO_VERSION_IN_FORCE", false,
                    s.getTable().zh() + "在" + s.getAssessedOn() + "没有有效的政策版本",
                    "no version of " + s.getTable().name() + " was in force on " + s.getAssessedOn())));
        }
        Explained known = run.known == null ? null : run.known.explained;
        if (known != null) {
            return known.item(s);
        }
        ItemDetermination item = explain(run);
        if (run.known != null && s.matches().stream().noneMatch(m -> m.rate() != null)) {
            run.known.explained = new Explained(item.eligible(), item.amount(), item.payer(), item.version(), item.rows(),
                    item.reasons(), item.warnings());
        }
        return item;
    }

    private ItemDetermination explain(Run run) {
        Subject s = run.subject;
        VersionRef ref = run.prepared.ref();
        RowExplainer explainer = run.prepared.explainer();
        if (s.matches().isEmpty()) {
            return refusal(s, ref, explainer.whyNot(s));
        }
        List<Subject.Match> matches = s.matches();
        List<String> warnings = List.of();
        if (matches.size() > 1) {
            matches = matches.stream().sorted(Comparator.comparingInt(Subject.Match::sheetRow)).toList();
            warnings = List.of("ROWS_OVERLAP: rows " + matches.stream().map(Subject.Match::rowId).toList()
                    + " all match; the first decides");
        }
        Subject.Match decisive = matches.get(0);
        List<Reason> reasons = explainer.why(decisive.sheetRow(), s);
        BigDecimal amount = decisive.amount();
        if (decisive.rate() != null) {
            Run wage = run.wage;
            if (wage == null || wage.version == null || wage.subject.matches().isEmpty()) {
                int year = s.getAssessedOn().getYear() - 1;
                return refusal(s, ref, List.of(new Reason("NO_AVERAGE_WAGE", false,
                        year + "年度职工年平均工资未公布", "no average annual wage is published for " + year)));
            }
            Subject.Match w = wage.subject.matches().get(0);
            amount = w.amount().multiply(decisive.rate()).setScale(2, RoundingMode.HALF_UP);
            reasons = new ArrayList<>(reasons);
            reasons.add(new Reason("referenceYear", true,
                    wage.subject.getReferenceYear() + "年度职工年平均工资 " + w.amount() + " 元 × " + decisive.rate().stripTrailingZeros().toPlainString(),
                    "average annual wage of " + wage.subject.getReferenceYear() + " " + w.amount() + " yuan × "
                            + decisive.rate().stripTrailingZeros().toPlainString() + " (" + wage.version.id() + ")"));
        }
        RowRef[] rowRefs = new RowRef[matches.size()];
        for (int i = 0; i < rowRefs.length; i++) {
            rowRefs[i] = new RowRef(matches.get(i).rowId(), matches.get(i).sheetRow());
        }
        return new ItemDetermination(s.getLabel(), s.getPath(), s.getAssessedOn(), true,
                s.getTable().isService() ? null : amount, decisive.payer(), ref, List.of(rowRefs), reasons, warnings);
    }

    private static ItemDetermination refusal(Subject s, VersionRef ref, List<Reason> reasons) {
        return new ItemDetermination(s.getLabel(), s.getPath(), s.getAssessedOn(), false, null, null, ref,
                List.of(), reasons, List.of());
    }

    private static Reason nothingToAssess(TableCode code) {
        return switch (code) {
            case LONG_ACTING_CONTRACEPTION_SUBSIDY -> new Reason("NO_MEASURE", false,
                    "未登记已实施的长效避孕节育措施", "no long-acting contraception measure done by this date is recorded");
            case REMEDIAL_MEASURE_SUBSIDY -> new Reason("NO_MEASURE", false,
                    "未登记已实施的补救措施", "no remedial measure done by this date is recorded");
            default -> new Reason("NOTHING_TO_ASSESS", false, "没有可评估的对象", "nothing to assess");
        };
    }
}
