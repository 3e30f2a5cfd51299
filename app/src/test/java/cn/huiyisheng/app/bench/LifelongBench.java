package cn.huiyisheng.app.bench;

import cn.huiyisheng.app.HuiyishengApplication;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.payments.Payments;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Random;

/**
 * A monthly payment run over standing entitlements (issue 10 §7) on the local MariaDB (database
 * huiyisheng_lifelong_bench, dropped first): N households (default 50,000: 100,000 entitlements,
 * one for each parent) approved for special support without a last month and determined through
 * last month are seeded by SQL; an officer starts this month's run and the service's own job
 * executor determines every entitlement's month come due (in chunks, each a job), seals the
 * determinations, schedules the payments, collects them and writes the bank files. Prints
 * entitlements/s from the start to the files written, CPU, heap before, peak and after, and how
 * long the sealer took to chain the run's determinations. Asserts nothing.
 */
public final class LifelongBench {

    private static final String DB = "huiyisheng_lifelong_bench";

    private LifelongBench() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
        }
        String url = "jdbc:mysql://127.0.0.1:3306/" + DB + "?createDatabaseIfNotExist=true";
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuiyishengApplication.class).profiles("mysql")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--huiyisheng.demo-accounts=true", "--huiyisheng.warm-up=true",
                        "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.cn.huiyisheng=WARN");
        try {
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            long t0 = System.nanoTime();
            System.out.printf("MariaDB InnoDB buffer pool: %d MB%n", ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
            seed(url, households, month.minusMonths(2));
            System.out.printf("seeded %,d households, %,d standing entitlements determined through %s, in %.1f s%n", households,
                    households * 2, month.minusMonths(2), (System.nanoTime() - t0) / 1e9);
            // last month's run first, on the engine's clock set back (the first run records every amount
            // paid, compiles the path), its return file imported; then this month's, the steady state
            long back = java.time.Duration.between(Instant.now(), month.minusMonths(1).atDay(15).atTime(10, 0)
                    .atZone(ZoneId.of("Asia/Shanghai")).toInstant()).toMillis();
            org.camunda.bpm.engine.impl.util.ClockUtil.offset(back);
            long first = run(ctx, households * 2, "last month's run (" + month.minusMonths(1) + ", the first: cold)");
            payAll(ctx, first);
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            run(ctx, households * 2, "this month's run (" + month + ", warm)");
        } finally {
            ctx.close();
        }
    }

    static void seed(String url, int n, YearMonth through) throws Exception {
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection(url + "&rewriteBatchedStatements=true", "root", "")) {
            c.setAutoCommit(false);
            PreparedStatement claim = c.prepareStatement("INSERT INTO claim (id, reference, applicant_username, idempotency_key, request_sha256,"
                    + " status, household_json, benefits, period_from, period_to, bank_account, submitted_at, district, applicant_name,"
                    + " open_ended) VALUES (?, ?, 'bench', ?, ?, 'APPROVED', ?, 'SPECIAL_SUPPORT', ?, ?, ?, ?, ?, '李梅', TRUE)");
            PreparedStatement determination = c.prepareStatement("INSERT INTO determination (id, claim_id, as_of, known_at, period_from,"
                    + " period_to, benefits, facts_json, versions_json, result_json, engine_version, recorded_at, scope, records_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'SPECIAL_SUPPORT', ?, '{}', '{}', 'bench', ?, 'CLAIM', '{\"held\":[],\"others\":[]}')");
            PreparedStatement standing = c.prepareStatement("INSERT INTO recurring_entitlement (claim_id, benefit, subject_path,"
                    + " subject_label, periodicity, start_period, determined_through, until_period, status, created_at, updated_at,"
                    + " confirmation_due) VALUES (?, 'SPECIAL_SUPPORT', ?, ?, 'MONTHLY', ?, ?, NULL, 'ACTIVE', ?, ?, ?)");
            Timestamp recorded = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
            LocalDate confirmationDue = LocalDate.now().plusMonths(6);
            for (int i = 1; i <= n; i++) {
                boolean urban = random.nextInt(3) > 0;
                boolean died = random.nextInt(4) > 0;
                String district = "福田区";
                LocalDate womanBorn = LocalDate.of(1950 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate manBorn = womanBorn.minusYears(random.nextInt(5));
                YearMonth from = through.minusMonths(random.nextInt(36));
                String facts = ImpactBench.facts(womanBorn, manBorn, district, urban ? "URBAN_HUKOU" : "RURAL_HUKOU", !died,
                        died ? 0 : 1 + random.nextInt(3));
                LocalDate asOf = from.atDay(10);
                claim.setLong(1, i);
                claim.setString(2, "HYS-LIFE-" + i);
                claim.setString(3, "bench-" + i);
                claim.setString(4, "0".repeat(64));
                claim.setString(5, facts);
                claim.setString(6, from.toString());
                claim.setString(7, from.toString());
                claim.setString(8, "6222" + String.format("%015d", i));
                claim.setTimestamp(9, Timestamp.valueOf(asOf.atStartOfDay()));
                claim.setString(10, district);
                claim.addBatch();
                determination.setLong(1, i);
                determination.setLong(2, i);
                determination.setObject(3, asOf);
                determination.setTimestamp(4, Timestamp.valueOf(asOf.atStartOfDay()));
                determination.setString(5, from.toString());
                determination.setString(6, from.toString());
                determination.setString(7, facts);
                determination.setTimestamp(8, recorded);
                determination.addBatch();
                for (String[] parent : new String[][]{{"$.applicant", "申请人 李梅"}, {"$.spouse", "配偶 王强"}}) {
                    standing.setLong(1, i);
                    standing.setString(2, parent[0]);
                    standing.setString(3, parent[1]);
                    standing.setString(4, from.toString());
                    standing.setString(5, through.toString());
                    standing.setTimestamp(6, recorded);
                    standing.setTimestamp(7, recorded);
                    standing.setObject(8, confirmationDue);
                    standing.addBatch();
                }
                if (i % 2000 == 0 || i == n) {
                    claim.executeBatch();
                    determination.executeBatch();
                    standing.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /** The bank paid every line of the run: its return file imported, the run reconciled by the job executor. */
    static void payAll(ConfigurableApplicationContext ctx, long runId) throws Exception {
        PaymentMapper mapper = ctx.getBean(PaymentMapper.class);
        StringBuilder ret = new StringBuilder("reference,status,reason\n");
        mapper.findLinesOfRun(runId).forEach(l -> ret.append(Payments.reference(l.getPaymentId())).append(",PAID\n"));
        ctx.getBean(Payments.class).importReturnFile(runId, ctx.getBean(Users.class).current("payment"),
                ret.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 600 && !"RECONCILED".equals(mapper.findRun(runId).getStatus()); i++) {
            Thread.sleep(500);
        }
    }

    static long run(ConfigurableApplicationContext ctx, int entitlements, String title) throws Exception {
        Payments payments = ctx.getBean(Payments.class);
        PaymentMapper mapper = ctx.getBean(PaymentMapper.class);
        Users users = ctx.getBean(Users.class);
        org.springframework.jdbc.core.JdbcTemplate jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long peak = heapBefore;
        long payFrom = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM determination", Long.class);
        long cpu0 = ClaimLoadBench.jvmCpuNanos();
        long db0 = ClaimLoadBench.dbCpuTicks();
        long t0 = System.nanoTime();
        long runId = payments.startRun(users.current("payment")).id();
        long lastPrint = t0;
        String status = "STARTED";
        while (!status.equals("FILES_WRITTEN") && !status.equals("NOTHING_DUE")) {
            Thread.sleep(100);
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            var run = mapper.findRun(runId);
            status = run.getStatus();
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  %d of %d chunks (%.0f s)%n", run.getChunksDone(), run.getChunksTotal(), (lastPrint - t0) / 1e9);
            }
            if (System.nanoTime() - t0 > 1_800_000_000_000L) {
                throw new IllegalStateException("not done after 30 minutes: " + status);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double jvmCpu = (ClaimLoadBench.jvmCpuNanos() - cpu0) / 1e9;
        double dbCpu = (ClaimLoadBench.dbCpuTicks() - db0) / 100.0;
        var run = mapper.findRun(runId);
        long sealStart = System.nanoTime();
        long unsealed;
        do {
            Thread.sleep(200);
            unsealed = jdbc.queryForObject("SELECT COUNT(*) FROM determination d WHERE NOT EXISTS"
                    + " (SELECT 1 FROM determination_seal s WHERE s.determination_id = d.id)", Long.class);
        } while (unsealed > 0 && System.nanoTime() - sealStart < 600_000_000_000L);
        double sealed = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        long determinations = jdbc.queryForObject("SELECT COUNT(*) FROM determination WHERE scope = 'PAYMENT' AND id > ?", Long.class,
                payFrom);
        System.out.println("== huiyisheng lifelong entitlements: " + title + " ==");
        System.out.printf("standing entitlements: %,d; determined in %d chunks; %,d sealed determinations (one per household); "
                + "%,d payments, %s yuan, in the bank files%n", entitlements, run.getChunksTotal(), determinations, run.getPaymentCount(),
                run.getTotal());
        System.out.printf("start to bank files written: %.1f s = %,.0f entitlements/s   (target <= 120 s for 100,000, >= 1,000/s)%n", wall,
                entitlements / wall);
        System.out.printf("every determination chained by the sealer %.1f s after the start%s%n", sealed,
                unsealed > 0 ? " (NOT all: " + unsealed + " left)" : "");
        System.out.printf("CPU during the run: JVM %.1f s, MariaDB %.1f s (of %.1f s on 2 cores): %.0f µs JVM + %.0f µs MariaDB per entitlement%n",
                jvmCpu, dbCpu, wall * 2, jvmCpu * 1e6 / entitlements, dbCpu * 1e6 / entitlements);
        System.out.printf("heap: max %d MB; used %d MB before, peak %d MB during (sampled every 100 ms), %d MB after%n",
                memory.getHeapMemoryUsage().getMax() >> 20, heapBefore >> 20, peak >> 20, heapAfter >> 20);
        return runId;
    }
}
