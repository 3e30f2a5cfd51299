package cn.huiyisheng.app.bench;

import cn.huiyisheng.app.HuiyishengApplication;
import cn.huiyisheng.app.auditconsole.AuditSearch;
import cn.huiyisheng.app.auditconsole.BulkReplays;
import cn.huiyisheng.app.auditconsole.ChainChecks;
import cn.huiyisheng.app.auditconsole.DeterminationIndex;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.household.Household;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Random;

/**
 * The auditors' figures (issue 12 §3, §4; {@code ./bench replay [N]}): N sealed determinations
 * (default 200,000) with real results, made by the service's own evaluation of N seeded households
 * and written by SQL to the local MariaDB (database huiyisheng_replay_bench, dropped first), then
 * sealed and indexed by the service under -Xmx512m; then a bulk replay "as decided" of every one
 * (records/s, heap) and a full verification of both chains (records/s), three times.
 * InnoDB's buffer pool is sized to hold the chain for the run (1 GB; the 200,000 records take about
 * 460 MB) as a deployment would size it, and set back after: with the server's default of 128 MB
 * every verification reads the table again from the OS's cache (MariaDB's CPU per record about
 * doubles); {@code -Dbench.bufferPool=0} keeps the server's own.
 */
public final class ReplayBench {

    private static final String DB = "huiyisheng_replay_bench";
    private static final String[] DISTRICTS = {"福田区", "罗湖区", "南山区", "盐田区", "宝安区", "龙岗区", "龙华区", "坪山区", "光明区", "大鹏新区"};

    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        // "reuse": the database of an earlier run, when it holds N records already (seeding 200,000 takes minutes)
        boolean reuse = args.length > 1 && "reuse".equals(args[1]) && seeded() >= n;
        if (!reuse) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB);
            }
        }
        long pool = Long.getLong("bench.bufferPool", 1L << 30);
        long serversPool = bufferPool(pool);
        String url = "jdbc:mysql://127.0.0.1:3306/" + DB + "?createDatabaseIfNotExist=true";
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuiyishengApplication.class).profiles("mysql")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--huiyisheng.demo-accounts=true", "--huiyisheng.warm-up=true",
                        "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.cn.huiyisheng=WARN",
                        "--huiyisheng.audit.checkpoint-dir=target/replay-bench/checkpoints",
                        "--huiyisheng.audit.checkpoint-key=target/replay-bench/signing.key");
        try {
            long t0 = System.nanoTime();
            if (reuse) {
                System.out.printf("reusing the %,d records of an earlier run%n", seeded());
            } else {
                seed(ctx, url, n);
                System.out.printf("seeded %,d sealed determinations with real results in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + DB + "?user=root&password=");
                 Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT AVG(COALESCE(LENGTH(result_json), 0)),"
                         + " AVG(COALESCE(LENGTH(result_z), 0)), AVG(LENGTH(facts_json)) FROM determination")) {
                rs.next();
                System.out.printf("a record's result: %,.0f bytes as text, %,.0f compressed; facts %,.0f bytes%n", rs.getDouble(1),
                        rs.getDouble(2), rs.getDouble(3));
            }
            SealedDeterminations determinations = ctx.getBean(SealedDeterminations.class);
            DeterminationIndex index = ctx.getBean(DeterminationIndex.class);
            t0 = System.nanoTime();
            while (determinations.seal() > 0) {
                // the sealer's own passes, back to back
            }
            System.out.printf("sealed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            while (index.index() > 0) {
                // the indexer's own passes, back to back
            }
            System.out.printf("indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // how many of the first thousand compare through their seal (the rest would be read whole)
            long through = determinations.chainForReplay(1, 1000).stream().filter(determinations::replaysToItsSeal).count();
            System.out.printf("of the first 1,000 records, %d replay to their seal without being read whole%n", through);
            replay(ctx, n, "first run (cold: the JIT compiling)");
            replay(ctx, n, "second run (warm)");
            replay(ctx, n, "third run (warm)");
            verify(ctx);
            verify(ctx);
            verify(ctx);
        } finally {
            ctx.close();
            bufferPool(serversPool);
        }
    }

    /** Sets InnoDB's buffer pool to {@code bytes} unless 0 (or already that size); gives the size it had. */
    private static long bufferPool(long bytes) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
             Statement s = c.createStatement()) {
            long had;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                rs.next();
                had = rs.getLong(1);
            }
            if (bytes > 0 && bytes != had) {
                s.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
                // the server resizes in the background
                for (int i = 0; i < 100; i++) {
                    try (java.sql.ResultSet rs = s.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                        rs.next();
                        if (rs.getLong(1) == bytes) {
                            break;
                        }
                    }
                    Thread.sleep(100);
                }
            }
            System.out.printf("InnoDB buffer pool: %d MB%s%n", (bytes > 0 ? bytes : had) >> 20, bytes > 0 && bytes != had
                    ? " (was " + (had >> 20) + " MB)" : "");
            return had;
        }
    }

    private static long seeded() {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + DB + "?user=root&password=");
             Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM determination")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException none) {
            return 0;
        }
    }

    /** N households (couples of both registrations, bereaved or with a disabled child), each evaluated by the service, written by SQL. */
    static void seed(ConfigurableApplicationContext ctx, String url, int n) throws Exception {
        EvaluationService evaluations = ctx.getBean(EvaluationService.class);
        SealedDeterminations determinations = ctx.getBean(SealedDeterminations.class);
        ObjectMapper json = ctx.getBean(ObjectMapper.class);
        Random random = new Random(42);
        Instant knownAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // recorded a second apart, as a caseload's are, over the days before: the sealer looks back a minute from
        // the newest it sealed, and N records recorded in one instant would make each of its passes read them all again
        Instant firstRecorded = knownAt.minusSeconds(n + 60L);
        try (Connection c = DriverManager.getConnection(url + "&rewriteBatchedStatements=true&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&sendFractionalSeconds=false", "root", "")) {
            c.setAutoCommit(false);
            PreparedStatement claim = c.prepareStatement("INSERT INTO claim (id, reference, applicant_username, idempotency_key, request_sha256,"
                    + " status, household_json, benefits, period_from, period_to, bank_account, submitted_at, district, applicant_name)"
                    + " VALUES (?, ?, 'bench', ?, ?, 'APPROVED', '{}', ?, ?, ?, '6222000000000000000', ?, ?, ?)");
            PreparedStatement determination = c.prepareStatement("INSERT INTO determination (id, claim_id, as_of, known_at, period_from,"
                    + " period_to, benefits, facts_json, versions_json, result_sha256, result_z, engine_version, recorded_at, scope)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, 'FULL')");
            for (int i = 1; i <= n; i++) {
                boolean urban = random.nextInt(3) > 0;
                boolean died = random.nextInt(4) > 0;
                String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
                LocalDate womanBorn = LocalDate.of(1950 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate manBorn = womanBorn.minusYears(random.nextInt(5));
                YearMonth from = YearMonth.of(2013, 1).plusMonths(random.nextInt(48));
                YearMonth to = from.plusMonths(11);
                List<String> benefits = random.nextInt(2) == 0 ? List.of("SPECIAL_SUPPORT") : List.of("SPECIAL_SUPPORT", "HARDSHIP_FAMILY_SUPPORT");
                String registration = urban ? "URBAN_HUKOU" : "RURAL_HUKOU";
                Household h = json.readValue(ImpactBench.facts(womanBorn, manBorn, district, registration, !died, died ? 0 : 1 + random.nextInt(3)),
                        Household.class);
                LocalDate asOf = from.atDay(1).minusDays(random.nextInt(60));
                String facts = determinations.json(h);
                String result = determinations.json(evaluations.evaluate(new EvaluationRequest(h, asOf, new EvaluationRequest.Span(from, to),
                        benefits, knownAt)));
                claim.setLong(1, i);
                claim.setString(2, "HYS-BENCH-" + i);
                claim.setString(3, "bench-" + i);
                claim.setString(4, "0".repeat(64));
                claim.setString(5, String.join(",", benefits));
                claim.setString(6, from.toString());
                claim.setString(7, to.toString());
                Timestamp recorded = Timestamp.from(firstRecorded.plusSeconds(i));
                claim.setTimestamp(8, recorded);
                claim.setString(9, district);
                claim.setString(10, "李梅");
                claim.addBatch();
                determination.setLong(1, i);
                determination.setLong(2, i);
                determination.setObject(3, asOf);
                determination.setTimestamp(4, Timestamp.from(knownAt));
                determination.setString(5, from.toString());
                determination.setString(6, to.toString());
                determination.setString(7, String.join(",", benefits));
                determination.setString(8, facts);
                // stored as the service stores a result since V39: compressed, with its SHA-256
                byte[] utf8 = result.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                determination.setString(9, cn.huiyisheng.app.determinations.SealedResult.sha256(utf8));
                determination.setBytes(10, cn.huiyisheng.app.determinations.SealedResult.compress(utf8));
                determination.setString(11, Engine.VERSION);
                determination.setTimestamp(12, recorded);
                determination.addBatch();
                if (i % 2000 == 0 || i == n) {
                    claim.executeBatch();
                    determination.executeBatch();
                    c.commit();
                }
            }
        }
    }

    static void replay(ConfigurableApplicationContext ctx, int n, String title) throws Exception {
        BulkReplays replays = ctx.getBean(BulkReplays.class);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long peak = heapBefore;
        long cpu0 = ClaimLoadBench.jvmCpuNanos();
        long db0 = ClaimLoadBench.dbCpuTicks();
        long t0 = System.nanoTime();
        BulkReplays.Run run = replays.start(BulkReplays.Mode.AS_DECIDED, AuditSearch.Query.empty(), "auditor");
        long lastPrint = t0;
        while (run.running()) {
            Thread.sleep(50);
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            run = replays.find(run.id());
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  %d of %d chunks, %,d records (%.0f s)%n", run.chunksDone(), run.chunksTotal(), run.recordsDone(),
                        (lastPrint - t0) / 1e9);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double jvmCpu = (ClaimLoadBench.jvmCpuNanos() - cpu0) / 1e9;
        double dbCpu = (ClaimLoadBench.dbCpuTicks() - db0) / 100.0;
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        long records = run.result().records();
        double rate = records / wall;
        System.out.println("== huiyisheng bulk replay as decided: " + title + " ==");
        System.out.printf("records replayed: %,d of %,d seeded (%d chunks); identical %,d, drifted %,d, failed %,d; status %s%n", records, n,
                run.chunksTotal(), run.result().identical(), run.result().drifted(), run.result().failed(), run.status());
        System.out.printf("wall time %.1f s (start to DONE, polled every 50 ms): %,.0f records/s   (target >= 20,000/s)%n", wall, rate);
        System.out.printf("projected for 1,000,000: %.0f s%n", 1_000_000 / rate);
        System.out.printf("CPU during the run: JVM %.1f s, MariaDB %.1f s (of %.1f s on 2 cores): %.1f µs JVM + %.1f µs MariaDB per record%n",
                jvmCpu, dbCpu, wall * 2, jvmCpu * 1e6 / records, dbCpu * 1e6 / records);
        System.out.printf("heap: max %d MB; used %d MB before, peak %d MB during (sampled every 50 ms), %d MB after%n",
                memory.getHeapMemoryUsage().getMax() >> 20, heapBefore >> 20, peak >> 20, heapAfter >> 20);
    }

    static void verify(ConfigurableApplicationContext ctx) throws Exception {
        ChainChecks chains = ctx.getBean(ChainChecks.class);
        long cpu0 = ClaimLoadBench.jvmCpuNanos();
        long db0 = ClaimLoadBench.dbCpuTicks();
        long t0 = System.nanoTime();
        ChainChecks.Run run = chains.start("auditor");
        while (run.isRunning()) {
            Thread.sleep(20);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long records = run.getDeterminationsChecked() + run.getSecurityChecked();
        System.out.println("== huiyisheng chain verification ==");
        System.out.printf("determinations %,d and security events %,d verified in %.1f s: %,.0f records/s   (target >= 100,000/s); intact %s%n",
                run.getDeterminationsChecked(), run.getSecurityChecked(), wall, records / wall, run.isIntact());
        System.out.printf("CPU: %.1f µs JVM + %.1f µs MariaDB per record (of %.1f µs on 2 cores)%n",
                (ClaimLoadBench.jvmCpuNanos() - cpu0) / 1e3 / records, (ClaimLoadBench.dbCpuTicks() - db0) * 1e4 / records,
                wall * 2e6 / records);
    }
}
