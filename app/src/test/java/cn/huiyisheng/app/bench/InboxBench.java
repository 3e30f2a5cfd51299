package cn.huiyisheng.app.bench;

import cn.huiyisheng.app.HuiyishengApplication;
import cn.huiyisheng.app.claims.ClaimSubmission;
import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.claims.ReviewTasks;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.processes.claim.ClaimProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reviewer's pages with many open claims (default 10,000), on H2 or MariaDB: the task lists
 * (filtered, sorted, deep pages, searches) and the task page, as a signed-in reviewer's browser
 * requests them; p50 / p95 / max, and on MariaDB the SQL statements per request (constant: no
 * query per row). Claims are made as applicants make them (submitted, evaluated by the rules,
 * waiting for review). Run with {@code ./bench inbox [n]}; prints figures, asserts nothing.
 */
public final class InboxBench {

    private InboxBench() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> options = new ArrayList<>(List.of("--server.port=0", "--huiyisheng.demo-accounts=true", "--huiyisheng.warm-up=true",
                "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.cn.huiyisheng=WARN"));
        SpringApplicationBuilder app = new SpringApplicationBuilder(HuiyishengApplication.class);
        Path dir = null;
        if (db.equals("mysql")) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS huiyisheng_inbox_bench");
            }
            app.profiles("mysql");
            options.add("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/huiyisheng_inbox_bench?createDatabaseIfNotExist=true");
        } else {
            dir = Files.createTempDirectory("inbox-bench");
            options.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;WRITE_DELAY=0");
        }
        ConfigurableApplicationContext ctx = app.run(options.toArray(String[]::new));
        try {
            run(ctx, db, n);
        } finally {
            ctx.close();
        }
    }

    private static void run(ConfigurableApplicationContext ctx, String db, int n) throws Exception {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Users users = ctx.getBean(Users.class);
        Claims claims = ctx.getBean(Claims.class);
        ReviewTasks review = ctx.getBean(ReviewTasks.class);
        TaskService taskService = ctx.getBean(TaskService.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        ObjectMapper json = ctx.getBean(ObjectMapper.class);

        // 1. n open claims, made as applicants make them: 100 households, each claiming month after month
        int households = 100;
        List<People.Couple> couples = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            couples.add(People.couple(users));
        }
        long t0 = System.nanoTime();
        AtomicLong made = new AtomicLong();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < n; i++) {
            int k = i;
            submitters.submit(() -> {
                People.Couple c = couples.get(k % households);
                String month = java.time.YearMonth.of(2012, 1).plusMonths(k / households).toString();
                byte[] body = c.smallClaim(month, month).getBytes(StandardCharsets.UTF_8);
                try {
                    claims.submit(users.current(c.username()), "inbox-" + UUID.randomUUID(), json.readValue(body, ClaimSubmission.class), body);
                    made.incrementAndGet();
                } catch (Exception e) {
                    System.err.println("submit failed: " + e);
                }
                return null;
            });
        }
        submitters.shutdown();
        long reviewTasks;
        while ((reviewTasks = taskService.createTaskQuery().taskDefinitionKey(ClaimProcess.TASK_REVIEW).count()) < n) {
            Thread.sleep(5_000);
            System.out.printf("  %d claims submitted, %d waiting for review (%.0f s)%n", made.get(), reviewTasks, (System.nanoTime() - t0) / 1e9);
            if (submitters.isTerminated() && jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'SUBMITTED'", Long.class) == 0) {
                break; // every claim is evaluated; some may have been refused by the rules
            }
        }
        double setup = (System.nanoTime() - t0) / 1e9;

        // the reviewer has taken some and decided some: the "mine" and "done" lists are not empty
        CurrentUser reviewer = users.current("reviewer");
        List<Task> some = taskService.createTaskQuery().taskDefinitionKey(ClaimProcess.TASK_REVIEW).listPage(0, 60);
        for (int i = 0; i < some.size(); i++) {
            review.claim(some.get(i).getId(), reviewer);
            if (i % 2 == 0) {
                review.decide(some.get(i).getId(), reviewer, new ReviewTasks.Decision(ClaimProcess.Decision.APPROVE, null));
            }
        }
        List<String> open = taskService.createTaskQuery().taskDefinitionKey(ClaimProcess.TASK_REVIEW).taskUnassigned()
                .listPage(0, 2000).stream().map(Task::getId).toList();

        // 2. the pages, as the reviewer's browser asks for them (signed in by the form, with a session)
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, port, "reviewer", "reviewer");
        String tail = couples.get(7).applicantId().substring(14);
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("group tasks, oldest first (page 1)", "/inbox");
        lists.put("filtered: benefit + status, by total desc, page 5",
                "/inbox?tab=GROUP&benefit=SPECIAL_SUPPORT&status=IN_REVIEW&sort=TOTAL&dir=desc&page=5");
        lists.put("search: last 4 of an ID number", "/inbox?tab=GROUP&q=" + tail);
        lists.put("search: a name, newest received first, page 200", "/inbox?tab=GROUP&q=" + URLEncoder.encode("李梅", StandardCharsets.UTF_8)
                + "&sort=RECEIVED&dir=desc&page=200");
        lists.put("overdue only, by due date", "/inbox?tab=GROUP&overdue=true&sort=DUE");
        lists.put("my tasks", "/inbox?tab=MINE");
        lists.put("done by me", "/inbox?tab=DONE");
        boolean mysql = db.equals("mysql");
        System.out.println();
        System.out.printf("== huiyisheng inbox benchmark (%s, %d open claims, made in %.0f s) ==%n", mysql ? "MariaDB" : "H2", reviewTasks, setup);
        Random random = new Random(1);
        for (Map.Entry<String, String> l : lists.entrySet()) {
            measure(browser, port, jdbc, mysql, l.getKey(), () -> l.getValue());
        }
        measure(browser, port, jdbc, mysql, "task page (a random open review)", () -> "/inbox/tasks/" + open.get(random.nextInt(open.size())));
        System.out.println("(target: p95 <= 150 ms for the lists and the task page)");
    }

    private static void measure(HttpClient browser, int port, JdbcTemplate jdbc, boolean mysql, String name,
                                java.util.function.Supplier<String> path) throws Exception {
        for (int i = 0; i < 30; i++) {
            get(browser, port, path.get());
        }
        int rounds = 200;
        List<Long> nanos = new ArrayList<>();
        long before = mysql ? statements(jdbc) : 0;
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            get(browser, port, path.get());
            nanos.add(System.nanoTime() - s);
        }
        double perRequest = mysql ? (statements(jdbc) - before) / (double) rounds : Double.NaN;
        Collections.sort(nanos);
        System.out.printf("%-52s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%s%n", name, nanos.get(rounds / 2) / 1e6,
                nanos.get((int) Math.ceil(0.95 * rounds) - 1) / 1e6, nanos.get(rounds - 1) / 1e6,
                mysql ? String.format("  %.1f SQL statements/request", perRequest) : "");
    }

    private static String get(HttpClient browser, int port, String path) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static void signIn(HttpClient browser, int port, String username, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + username + "&password=" + password + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
        }
    }

    private static long statements(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete')", rs -> {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(2);
            }
            return sum;
        });
    }
}
