package cn.huiyisheng.rules.bench;

import cn.huiyisheng.rules.RandomHouseholds;
import cn.huiyisheng.rules.catalog.Catalog;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * The engine's units of work: one household, all twelve benefits, as of a date — the same household
 * over and over (every outcome then comes from the engine's memo), and a population of 10,000
 * households drawn at random (as a real caseload: outcomes repeat across households, Drools fires for
 * the combinations not seen yet); and a year of months of the recurring benefits, as a claim asks it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class EvaluationBenchmark {

    private static final int POPULATION = 10_000;
    private static final Set<TableCode> RECURRING = EnumSet.of(TableCode.ONE_CHILD_HEALTH_FEE, TableCode.SPECIAL_SUPPORT,
            TableCode.RETIRED_PARENT_ALLOWANCE, TableCode.REWARD_SUPPORT, TableCode.HARDSHIP_FAMILY_SUPPORT);

    private Engine engine;
    private Household household;
    private Household[] households;
    private final LocalDate asOf = LocalDate.of(2014, 6, 1);
    private final Instant knownAt = Instant.parse("2026-01-01T00:00:00Z");

    /** Each thread walks the population from its own place. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = new Random().nextInt(POPULATION);
    }

    @Setup
    public void setUp() {
        engine = new Engine(new Catalog(PolicyTableDirectory.load(PolicyTableDirectory.locate())), new TableCompiler());
        household = SampleHouseholds.bereavedCouple();
        engine.evaluate(household, asOf, knownAt);
        Random random = new Random(42);
        households = new Household[POPULATION];
        for (int i = 0; i < POPULATION; i++) {
            households[i] = RandomHouseholds.household(random);
        }
    }

    @Benchmark
    public Determination evaluateAllBenefits() {
        return engine.evaluate(household, asOf, knownAt);
    }

    @Benchmark
    public Determination evaluateAllBenefitsOfVariedHouseholds(Cursor c) {
        c.next = c.next + 1 == POPULATION ? 0 : c.next + 1;
        return engine.evaluate(households[c.next], asOf, knownAt);
    }

    @Benchmark
    public PeriodDetermination evaluateAYearOfMonthsOfVariedHouseholds(Cursor c) {
        c.next = c.next + 1 == POPULATION ? 0 : c.next + 1;
        return new PeriodEvaluator(engine).evaluate(households[c.next], YearMonth.of(2014, 1), YearMonth.of(2014, 12), knownAt, RECURRING);
    }
}
