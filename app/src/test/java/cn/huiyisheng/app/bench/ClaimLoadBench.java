package cn.huiyisheng.app.bench;

import cn.huiyisheng.app.HuiyishengApplication;
import cn.huiyisheng.app.claims.ReviewTasks;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.processes.claim.ClaimProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Claims under load on MariaDB: submit latency at 20 submits/s, then claims per second from
 * submission to approval, ours and a bare process of the same shape with no-op steps, on the same
 * engine, database and job executor. Run with {@code ./bench claims}; prints figures, asserts nothing.
 */
public final class ClaimLoadBench {

    static final String DB = "huiyisheng_bench";
    /** Untimed rounds of each process before the measured ones: at least, and at most. */
    static final int MIN_WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 3);
    static final int MAX_WARM_UP_ROUNDS = Integer.getInteger("bench.maxWarmUpRounds", 12);
    /** The driver settings come from the mysql profile (application-mysql.yml), as in production. */
    static final String URL = "jdbc:mysql://127.0.0.1:3306/" + DB + "?createDatabaseIfNotExist=true";
    private ClaimLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String history = args.length > 1 ? args[1] : "none";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            if (System.getProperty("bench.slowLog") != null) {
                // each a session's too, taken by a connection when it opens: on before the service connects,
                // into a file of the rest until the rounds to log
                s.execute("SET GLOBAL slow_query_log_file = '" + System.getProperty("bench.slowLog").replace("'", "") + ".rest.slow'");
                s.execute("SET GLOBAL log_slow_filter = ''"); // every statement, not only those of the default's kinds
                s.execute("SET GLOBAL long_query_time = 0");
                s.execute("SET GLOBAL slow_query_log = 1");
            }
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuiyishengApplication.class)
                .profiles("mysql")
                .initializers(c -> {
                    GenericApplicationContext g = (GenericApplicationContext) c;
                    // the routing variables our evaluation step sets, with no evaluation
                    g.registerBean("bareEligible", JavaDelegate.class, () -> e -> {
                        e.setVariable(ClaimProcess.ANY_ELIGIBLE, true);
                        e.setVariable(ClaimProcess.SECOND_APPROVAL_NEEDED, false);
                    });
                    g.registerBean("bareNoop", JavaDelegate.class, () -> e -> { });
                    g.registerBean("bareListener", TaskListener.class, () -> t -> { });
                    g.registerBean(cn.huiyisheng.benchsupport.BareStartController.class);
                })
                // arguments, so that they win over the test configuration on the classpath (no job executor there)
                .run("--server.port=0", "--spring.datasource.url=" + URL, "--huiyisheng.demo-accounts=true",
                        "--huiyisheng.warm-up=true", "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.history-level=" + history, "--logging.level.root=WARN", "--logging.level.cn.huiyisheng=WARN");
        try {
            run(ctx, n, history, rounds);
        } finally {
            ctx.close();
            if (System.getProperty("bench.slowLog") != null) {
                try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
                     Statement s = c.createStatement()) {
                    s.execute("SET GLOBAL slow_query_log = 0");
                    s.execute("SET GLOBAL long_query_time = 10");
                    s.execute("SET GLOBAL log_slow_filter = 'admin,filesort,filesort_on_disk,filesort_priority_queue,full_join,full_scan,"
                            + "query_cache,query_cache_miss,tmp_table,tmp_table_on_disk'"); // MariaDB's default
                }
            }
        }
    }

    /** One measured batch: claims per second to the end of every process, submit latencies, SQL statements per claim. */
    record Batch(double rate, List<Long> latencies, double statements, long lockWaits, long lockWaitMillis, double jvmCpuMs,
                 double dbCpuMs, double gcMs, double jitMs, long classesLoaded) {
    }

    private static void run(ConfigurableApplicationContext ctx, int n, String history, int rounds) throws Exception {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        claimants(ctx);
        deployBare(ctx.getBean(RepositoryService.class));
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        TaskService tasks = ctx.getBean(TaskService.class);
        ReviewTasks review = ctx.getBean(ReviewTasks.class);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // warm-up of both processes alike, untimed, as JMH's warm-up iterations: knowledge bases, connection
        // pool, and the JIT. On two cores under full load a C2 compiler thread gets little CPU: hot methods
        // wait minutes in its queue (a compile takes 2-6 s of wall time) and the compiler takes CPU from
        // whichever round runs then. A running service has idle moments in which the queue drains; here,
        // after each warm-up round of both, the load pauses until the compilers are idle, and warm-up
        // ends when a round compiled under 2 ms a claim (at most 12 rounds)
        int warmUps = 0;
        for (double jit = Double.MAX_VALUE; warmUps < MAX_WARM_UP_ROUNDS && (warmUps < MIN_WARM_UP_ROUNDS || jit > 2.0); warmUps++) {
            Batch o = batch(http, port, jdbc, runtime, tasks, review, "benefit-claim", n);
            Batch b = batch(http, port, jdbc, runtime, tasks, review, "benefit-claim-bare", n);
            jit = Math.max(o.jitMs(), b.jitMs());
            long idle = untilCompilersIdle();
            System.err.printf("warm-up %d: ours %.1f/s, bare %.1f/s, JIT %.1f ms a claim, classes loaded %d + %d, then %d ms until the"
                    + " compilers were idle%n", warmUps + 1, o.rate(), b.rate(), jit, o.classesLoaded(), b.classesLoaded(), idle);
        }
        if (System.getProperty("bench.sqlLog") != null) {
            // every statement of one extra round of ours, for reading what a claim costs: -Dbench.sqlLog=/tmp/claims.sql.log
            // (MariaDB's general log, written by the server on this machine)
            jdbc.execute("SET GLOBAL general_log_file = '" + System.getProperty("bench.sqlLog").replace("'", "") + "'");
            jdbc.execute("SET GLOBAL general_log = 1");
            try {
                batch(http, port, jdbc, runtime, tasks, review, "benefit-claim", n);
            } finally {
                jdbc.execute("SET GLOBAL general_log = 0");
            }
        }
        if (System.getProperty("bench.slowLog") != null) {
            // the server's time for every statement of one extra round of each process, for reading where MariaDB's time
            // goes: -Dbench.slowLog=/tmp/claims writes /tmp/claims.ours.slow and /tmp/claims.bare.slow (MariaDB's slow log;
            // long_query_time 0 was set before the service connected, as a connection keeps the value it found)
            String base = System.getProperty("bench.slowLog").replace("'", "");
            for (String process : List.of("benefit-claim", "benefit-claim-bare")) {
                jdbc.execute("SET GLOBAL slow_query_log_file = '" + base + (process.endsWith("bare") ? ".bare" : ".ours") + ".slow'");
                try {
                    batch(http, port, jdbc, runtime, tasks, review, process, n);
                } finally {
                    jdbc.execute("SET GLOBAL slow_query_log_file = '" + base + ".rest.slow'");
                }
            }
        }
        jdk.jfr.Recording recording = null;
        if (System.getProperty("bench.jfr") != null) {
            // a profile of the measured rounds only: -Dbench.jfr=/tmp/claims.jfr; -Dbench.jfr.settings=default costs
            // less than "profile" (no allocation samples, no socket events), which slowed both processes by a third
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration(System.getProperty("bench.jfr.settings", "profile")));
            recording.start();
        }

        // 1. submit latency at a steady 20 submits/s for 10 s
        List<Long> paced = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        for (int i = 0; i < 200; i++) {
            pacer.schedule(() -> submit(http, port, paced), i * 50L, TimeUnit.MILLISECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(2, TimeUnit.MINUTES);
        approveAll(tasks, review, "benefit-claim", () -> 200 - runtime.createProcessInstanceQuery()
                .processDefinitionKey("benefit-claim").count(), 200);

        // 2. throughput: rounds of n claims each, ours then bare, so that neither is always measured first;
        //    each batch is submitted by 4 clients as fast as they can, reviewed as the tasks arrive, and
        //    timed until its last process instance has ended
        List<Batch> ours = new ArrayList<>();
        List<Batch> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ours.add(batch(http, port, jdbc, runtime, tasks, review, "benefit-claim", n));
            bare.add(batch(http, port, jdbc, runtime, tasks, review, "benefit-claim-bare", n));
            ratios.add(ours.get(r).rate() / bare.get(r).rate());
        }
        if (recording != null) {
            recording.dump(java.nio.file.Path.of(System.getProperty("bench.jfr")));
            recording.close();
        }

        System.out.println();
        System.out.println("== huiyisheng claims load benchmark (MariaDB on this machine, history level " + history + ") ==");
        System.out.printf("warm-up: %d untimed rounds of %d claims of each process, each followed by a pause until the JIT"
                + " compilers were idle, until a round compiled under 2 ms a claim%n", warmUps, n);
        System.out.printf("submit at 20/s, 200 claims  (HTTP, our API)  : p50 %.1f ms, p99 %.1f ms   (target p99 <= 150 ms)%n",
                pct(paced, 50), pct(paced, 99));
        for (int r = 0; r < rounds; r++) {
            System.out.printf("round %d, %d claims submitted -> ended: ours %.1f claims/s, bare %.1f claims/s, ratio %.2f%n",
                    r + 1, n, ours.get(r).rate(), bare.get(r).rate(), ratios.get(r));
            for (Batch b : List.of(ours.get(r), bare.get(r))) {
                System.out.printf("    %s: submit p50 %.1f ms, p99 %.1f ms; per claim %.1f SQL statements, CPU %.1f ms JVM + %.1f ms"
                                + " MariaDB, GC pauses %.2f ms, JIT %.1f ms; %d row lock waits (%d ms); %d classes loaded%n",
                        b == ours.get(r) ? "ours" : "bare", pct(b.latencies(), 50), pct(b.latencies(), 99), b.statements(),
                        b.jvmCpuMs(), b.dbCpuMs(), b.gcMs(), b.jitMs(), b.lockWaits(), b.lockWaitMillis(), b.classesLoaded());
            }
        }
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        System.out.printf("ours, median of rounds                        : %.1f claims/s%n", median(ours.stream().map(Batch::rate).toList()));
        System.out.printf("bare (same BPMN, no-op steps), median         : %.1f claims/s%n", median(bare.stream().map(Batch::rate).toList()));
        System.out.printf("ratio ours / bare, median of %d rounds         : %.2f (%.2f-%.2f)   (target >= 0.80)%n", rounds,
                median(ratios), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static Batch batch(HttpClient http, int port, JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
                               ReviewTasks review, String processKey, int n) throws Exception {
        long statementsBefore = statements(jdbc);
        long[] locksBefore = lockWaits(jdbc);
        long jvmBefore = jvmCpuNanos();
        long dbBefore = dbCpuTicks();
        long gcBefore = gcMillis();
        long jitBefore = jitMillis();
        long classesBefore = classesLoaded();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong started = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < n; i++) {
            clients.submit(() -> {
                if (processKey.equals("benefit-claim")) {
                    submit(http, port, latencies);
                } else {
                    startBare(http, port, latencies);
                }
                started.incrementAndGet();
            });
        }
        clients.shutdown();
        // ended = started and no longer running (the batch before has ended entirely)
        approveAll(tasks, review, processKey,
                () -> started.get() - runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count(), n);
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        long[] locksAfter = lockWaits(jdbc);
        return new Batch(rate, latencies, (statements(jdbc) - statementsBefore) / (double) n, locksAfter[0] - locksBefore[0],
                locksAfter[1] - locksBefore[1], (jvmCpuNanos() - jvmBefore) / 1e6 / n,
                dbBefore < 0 ? Double.NaN : (dbCpuTicks() - dbBefore) * 10.0 / n, (gcMillis() - gcBefore) / (double) n,
                (jitMillis() - jitBefore) / (double) n, classesLoaded() - classesBefore);
    }

    /** Classes the JVM has loaded so far: a steady service loads none per claim (each new class costs the JIT its deopts). */
    private static long classesLoaded() {
        return java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }

    /** Milliseconds the JVM's collectors have spent so far (their pauses). */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Waits until the JIT compilers have compiled nothing for 3 s (at most 120 s); the milliseconds waited. */
    private static long untilCompilersIdle() throws InterruptedException {
        long start = System.nanoTime();
        long last = jitMillis();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(1000);
            long now = jitMillis();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Milliseconds the JIT compilers have spent so far (their threads' time, part of the JVM's CPU). */
    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** CPU time of this JVM so far (the service and the bench's own clients). */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU ticks (1/100 s) MariaDB's server process has used so far, from /proc; -1 when it cannot be read. */
    static long dbCpuTicks() {
        try (var pids = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) pids::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String comm = java.nio.file.Files.readString(p.resolve("comm")).strip();
                    if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                        String stat = java.nio.file.Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended while we looked
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    /** Row lock waits so far and the milliseconds spent in them (InnoDB's counters). */
    private static long[] lockWaits(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time')", rs -> {
            long[] v = new long[2];
            while (rs.next()) {
                v[rs.getString(1).equalsIgnoreCase("Innodb_row_lock_waits") ? 0 : 1] = rs.getLong(2);
            }
            return v;
        });
    }

    /** SQL statements the server has executed so far (MariaDB's counters; the bench's own polling included in both). */
    private static long statements(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete')",
                rs -> {
                    long sum = 0;
                    while (rs.next()) {
                        sum += rs.getLong(2);
                    }
                    return sum;
                });
    }

    private static void deployBare(RepositoryService repository) throws Exception {
        String xml;
        try (InputStream in = ClaimLoadBench.class.getResourceAsStream("/bpmn/benefit-claim.bpmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        xml = xml.replace("id=\"benefit-claim\"", "id=\"benefit-claim-bare\"")
                .replace("${evaluateEligibility}", "${bareEligible}")
                .replace("${recordReviewer}", "${bareListener}")
                .replace("${fourEyesGuard}", "${bareListener}");
        for (String step : List.of("checkSecondApproval", "notifyRefusal", "closeClaim", "requestInformation", "withdrawClaim", "escalateReview",
                "grantEntitlements", "notifyApproval")) {
            xml = xml.replace("${" + step + "}", "${bareNoop}");
        }
        repository.createDeployment().name("bench").addString("benefit-claim-bare.bpmn", xml).deploy();
    }

    /**
     * Claimants: a claim is paid at most once per person and month, so each claim is for one of
     * these couples and a month none of them has claimed yet (couple i mod N, month 2012-01 + i / N).
     */
    static final int COUPLES = 80;
    static final List<People.Couple> couples = new ArrayList<>();
    static final AtomicLong claimsMade = new AtomicLong();
    static final AtomicLong bareMade = new AtomicLong();
    static CurrentUser reviewerAccount;

    private static void claimants(ConfigurableApplicationContext ctx) {
        Users users = ctx.getBean(Users.class);
        for (int i = 0; i < COUPLES; i++) {
            couples.add(People.couple(users));
        }
        reviewerAccount = users.current("reviewer");
    }

    private static void submit(HttpClient http, int port, List<Long> latencies) {
        try {
            long i = claimsMade.getAndIncrement();
            People.Couple couple = couples.get((int) (i % COUPLES));
            String month = java.time.YearMonth.of(2012, 1).plusMonths(i / COUPLES).toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/claims"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (couple.username() + ":" + couple.password()).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(couple.smallClaim(month, month))).build();
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; retry < 3 && r.statusCode() == 503; retry++) {
                // as a client should: the same request with the same idempotency key, after a pause
                Thread.sleep(200);
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            latencies.add(System.nanoTime() - s);
            if (r.statusCode() != 201) {
                System.err.println("submit answered " + r.statusCode() + ": " + r.body());
            }
        } catch (Exception e) {
            System.err.println("submit failed: " + e);
        }
    }

    /**
     * Reviews every open review task of the process as it appears, with three reviewers working
     * at once, until the target count is reached.
     */
    private static void approveAll(TaskService tasks, ReviewTasks review, String processKey,
                                   LongSupplier progress, long target) throws Exception {
        CurrentUser reviewer = reviewerAccount;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        ExecutorService reviewers = Executors.newFixedThreadPool(3);
        try {
            while (progress.getAsLong() < target) {
                List<Task> open = tasks.createTaskQuery().processDefinitionKey(processKey)
                        .taskDefinitionKey(ClaimProcess.TASK_REVIEW).taskUnassigned().listPage(0, 30);
                List<Future<?>> done = new ArrayList<>();
                for (Task t : open) {
                    done.add(reviewers.submit(() -> {
                        if (processKey.equals("benefit-claim")) {
                            review.decide(t.getId(), reviewer, new ReviewTasks.Decision(ClaimProcess.Decision.APPROVE, null));
                        } else {
                            tasks.claim(t.getId(), "reviewer");
                            tasks.complete(t.getId(), Map.of(ClaimProcess.DECISION, "APPROVE"));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                if (open.isEmpty()) {
                    Thread.sleep(20);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not done after 10 minutes: " + progress.getAsLong() + " of " + target);
                }
            }
        } finally {
            reviewers.shutdown();
        }
    }

    private static void startBare(HttpClient http, int port, List<Long> latencies) {
        try {
            // signed in as the same rotation of claimants as ours, with a body of the same size: like for like
            long i = bareMade.getAndIncrement();
            People.Couple couple = couples.get((int) (i % COUPLES));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/claims/bare/start"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (couple.username() + ":" + couple.password()).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(couple.smallClaim()))
                    .build();
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - s);
            if (r.statusCode() != 201) {
                System.err.println("bare start answered " + r.statusCode() + ": " + r.body());
            }
        } catch (Exception e) {
            System.err.println("bare start failed: " + e);
        }
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
