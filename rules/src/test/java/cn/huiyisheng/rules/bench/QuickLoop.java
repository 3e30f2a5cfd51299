package cn.huiyisheng.rules.bench;

import cn.huiyisheng.rules.Shipped;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;

/** A quick single-thread loop for profiling (not the benchmark of record: see RulesBench). */
public final class QuickLoop {
    public static void main(String[] args) {
        var h = SampleHouseholds.bereavedCouple();
        LocalDate asOf = LocalDate.of(2014, 6, 1);
        int n = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Shipped.ENGINE.evaluate(h, asOf, Shipped.NOW);
            }
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("%,.0f determinations/s, %,d bytes allocated each%n", n / s,
                    (threads.getCurrentThreadAllocatedBytes() - bytes) / n);
        }
    }
}
