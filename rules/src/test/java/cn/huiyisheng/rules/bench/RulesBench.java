package cn.huiyisheng.rules.bench;

import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.table.TableTemplates;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules module's figures: determinations per second (JMH, one thread and all cores), the
 * compile time of a table cold and warm, and the heap each compiled version holds.
 * Run with {@code ./bench} from the repository root.
 */
public final class RulesBench {

    public static void main(String[] args) throws Exception {
        List<PolicyTable> versions = PolicyTableDirectory.load(PolicyTableDirectory.locate());
        PolicyTable special = versions.stream().filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == 3)
                .findFirst().orElseThrow();
        PolicyTable wage = versions.stream().filter(v -> v.code() == TableCode.CITY_AVERAGE_WAGE).findFirst().orElseThrow();

        TableCompiler compiler = new TableCompiler();
        long t0 = System.nanoTime();
        compiler.compileUncached(TableTemplates.of(special.code()), special.bytes());
        double cold = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < 20; i++) {
            compiler.compileUncached(TableTemplates.of(special.code()), special.bytes());
            compiler.compileUncached(TableTemplates.of(wage.code()), wage.bytes());
        }
        double warmSpecial = median(() -> compiler.compileUncached(TableTemplates.of(special.code()), special.bytes()), 15);
        double warmWage = median(() -> compiler.compileUncached(TableTemplates.of(wage.code()), wage.bytes()), 15);

        int copies = 40;
        long before = usedHeap();
        List<CompiledTable> held = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            held.add(compiler.compileUncached(TableTemplates.of(special.code()), special.bytes()));
        }
        long after = usedHeap();
        double perVersionMb = (after - before) / (double) copies / (1024 * 1024);
        held.clear();

        int cores = Runtime.getRuntime().availableProcessors();
        java.util.Map<String, Double> one = throughput(1);
        java.util.Map<String, Double> all = throughput(cores);

        System.out.println();
        System.out.println("== huiyisheng rules benchmark ==");
        System.out.printf("cores: %d, java %s%n", cores, System.getProperty("java.version"));
        System.out.printf("determinations/s, one household x 12 benefits (the memo's), 1 thread : %,.0f, %d threads: %,.0f%n",
                one.get("evaluateAllBenefits"), cores, all.get("evaluateAllBenefits"));
        System.out.printf("determinations/s, 10,000 random households x 12 benefits, 1 thread : %,.0f, %d threads: %,.0f   (target >= 50,000)%n",
                one.get("evaluateAllBenefitsOfVariedHouseholds"), cores, all.get("evaluateAllBenefitsOfVariedHouseholds"));
        System.out.printf("a year of months of the 5 recurring benefits, random households, /s, 1 thread : %,.0f, %d threads: %,.0f%n",
                one.get("evaluateAYearOfMonthsOfVariedHouseholds"), cores, all.get("evaluateAYearOfMonthsOfVariedHouseholds"));
        System.out.printf("compile SPECIAL_SUPPORT-v3 (4 rows), cold (first in JVM): %.3f s%n", cold);
        System.out.printf("compile SPECIAL_SUPPORT-v3 (4 rows), warm median    : %.3f s   (target <= 0.5 s)%n", warmSpecial);
        System.out.printf("compile CITY_AVERAGE_WAGE-v1 (24 rows), warm median : %.3f s%n", warmWage);
        System.out.printf("heap per compiled version (%d copies held)           : %.2f MB (target <= 5 MB)%n", copies, perVersionMb);
        double[] upload = cn.huiyisheng.rules.table.UploadLimitBench.refuseLargest();
        System.out.printf("largest upload the cap allows (%.1f MB, 140,000 rows) refused: %.3f s, %.1f MB allocated"
                + "   (target <= 1 s, <= 64 MB)%n", upload[0], upload[1], upload[2]);
    }

    /** Each benchmark's score (operations per second) by its method's name. */
    private static java.util.Map<String, Double> throughput(int threads) throws Exception {
        Options options = new OptionsBuilder()
                .include(EvaluationBenchmark.class.getName())
                .threads(threads)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Dhuiyisheng.policyTables=" + PolicyTableDirectory.locate())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static double median(Runnable r, int n) {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            r.run();
            times[i] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(times);
        return times[n / 2];
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
