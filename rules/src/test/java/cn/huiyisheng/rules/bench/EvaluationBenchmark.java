package cn.huiyisheng.rules.bench;

import cn.huiyisheng.rules.catalog.Catalog;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.household.Household;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;

/** One household, all twelve benefits, as of a date: the engine's unit of work. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class EvaluationBenchmark {

    private Engine engine;
    private Household household;
    private final LocalDate asOf = LocalDate.of(2014, 6, 1);
    private final Instant knownAt = Instant.parse("2026-01-01T00:00:00Z");

    @Setup
    public void setUp() {
        engine = new Engine(new Catalog(PolicyTableDirectory.load(PolicyTableDirectory.locate())), new TableCompiler());
        household = SampleHouseholds.bereavedCouple();
        engine.evaluate(household, asOf, knownAt);
    }

    @Benchmark
    public Determination evaluateAllBenefits() {
        return engine.evaluate(household, asOf, knownAt);
    }
}
