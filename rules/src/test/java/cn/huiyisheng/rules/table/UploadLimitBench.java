package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.facts.TableCode;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How fast, and in how much memory, the largest upload the size cap allows is refused (part of ./bench). */
public final class UploadLimitBench {

    private UploadLimitBench() {
    }

    /** {file MB, median seconds of 5, MB allocated by the refusing thread (an upper bound on extra heap)}. */
    public static double[] refuseLargest() {
        byte[] huge = LargeUploads.rows("SpecialSupport", 140_000);
        TableTemplate template = TableTemplates.of(TableCode.SPECIAL_SUPPORT);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> seconds = new ArrayList<>();
        long allocated = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            try {
                TableReader.read(template, huge);
                throw new IllegalStateException("a 140,000-row sheet was accepted");
            } catch (TableRejectedException expected) {
                seconds.add((System.nanoTime() - t0) / 1e9);
                allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
            }
        }
        Collections.sort(seconds);
        return new double[]{huge.length / 1024.0 / 1024.0, seconds.get(2), allocated / 1024.0 / 1024.0};
    }
}
