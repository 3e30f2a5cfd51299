package cn.huiyisheng.app.bench;

import cn.huiyisheng.app.HuiyishengApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's figures (issue 11 §6), the service on its embedded default (H2): the calculator's
 * evaluation (the result page of a completed check: the household evaluated under the rules in
 * force, each refusal's "from when" looked for up to 30 years ahead) at a steady 50 requests a
 * second from 50 browsers' sessions with households drawn at random, p50 / p99 / max; and the bytes
 * each main portal page transfers on a first load (HTML, the stylesheet, the script; no font is
 * sent: the system's are used). Run with {@code ./bench portal [seconds]}; prints figures, asserts nothing.
 */
public final class PortalBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PortalBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("portal-bench");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuiyishengApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL", "--huiyisheng.warm-up=true",
                "--huiyisheng.portal.results-per-minute=1000000", "--logging.level.root=WARN", "--logging.level.cn.huiyisheng=WARN");
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            run("http://127.0.0.1:" + port, seconds);
        } finally {
            ctx.close();
        }
    }

    /** A browser: its own cookies (session), its own answers. */
    private record Browser(HttpClient http, String base) {

        static Browser open(String base) {
            return new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build(), base);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        void post(String path, String csrfFrom, String... pairs) throws Exception {
            Matcher m = CSRF.matcher(get(csrfFrom).body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + csrfFrom);
            }
            StringBuilder form = new StringBuilder("_csrf=").append(m.group(1));
            for (int i = 0; i < pairs.length; i += 2) {
                form.append('&').append(pairs[i]).append('=').append(java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                throw new IllegalStateException(path + ": " + r.statusCode());
            }
        }
    }

    /** A bereaved household drawn at random: the mother 40 to 75, the child died; the check answered through the pages. */
    private static Browser answered(String base, Random random) throws Exception {
        Browser b = Browser.open(base);
        int motherYear = 1951 + random.nextInt(36);
        b.post("/check", "/", "situation", "CHILD_LOST");
        b.post("/check/you", "/check/you", "sex", "FEMALE", "birthY", Integer.toString(motherYear), "birthM",
                Integer.toString(1 + random.nextInt(12)), "birthD", Integer.toString(1 + random.nextInt(28)));
        b.post("/check/registration", "/check/registration", "registration", random.nextBoolean() ? "URBAN_HUKOU" : "RURAL_HUKOU");
        b.post("/check/spouse", "/check/spouse", "spouse", "yes", "spouseBirthY", Integer.toString(motherYear - 2), "spouseBirthM", "5",
                "spouseBirthD", "12");
        b.post("/check/children", "/check/children", "children", "ONE", "withinPolicy", "yes");
        int childYear = motherYear + 22 + random.nextInt(8);
        b.post("/check/child-dates", "/check/child-dates", "child1Sex", "MALE", "child1BirthY", Integer.toString(childYear),
                "child1BirthM", "4", "child1BirthD", "1");
        b.post("/check/child-status", "/check/child-status", "childStatus", random.nextInt(4) == 0 ? "DISABLED" : "DIED",
                "lossDateY", Integer.toString(Math.min(childYear + 15 + random.nextInt(10), 2025)), "lossDateM", "7", "lossDateD", "15",
                "disabilityGrade", Integer.toString(1 + random.nextInt(3)));
        return b;
    }

    static void run(String base, int seconds) throws Exception {
        Random random = new Random(20261207);
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            browsers.add(answered(base, random));
        }
        // warm up: every session's result once, then a few seconds at the rate
        for (Browser b : browsers) {
            if (b.get("/check/result").statusCode() != 200) {
                throw new IllegalStateException("no result");
            }
        }
        load(browsers, 5, 50);
        List<Long> latencies = load(browsers, seconds, 50);
        Collections.sort(latencies);
        System.out.println("== huiyisheng portal (H2, " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf("calculator result (the evaluation, from when) at 50 requests/s for %d s, %d requests: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms   (target p99 <= 100 ms)%n", seconds, latencies.size(), ms(latencies, 0.50), ms(latencies, 0.99),
                latencies.get(latencies.size() - 1) / 1e6);
        // a first load of each main page: the HTML and what it links (stylesheet, script), as transferred (gzip where the server gives it)
        Browser fresh = answered(base, random);
        long assets = 0;
        for (String asset : List.of("/css/app.css", "/webjars/htmx.org/dist/htmx.min.js")) {
            HttpResponse<byte[]> r = fresh.bytes(asset);
            assets += r.body().length;
            System.out.printf("    %-40s %6.1f KB (%s)%n", asset, r.body().length / 1024.0, r.headers().firstValue("Content-Encoding")
                    .orElse("not compressed"));
        }
        for (String page : List.of("/", "/check/you", "/check/answers", "/check/result")) {
            HttpResponse<byte[]> r = fresh.bytes(page);
            System.out.printf("first load of %-16s (%d) %6.1f KB page + %5.1f KB stylesheet and script = %6.1f KB   (target <= 150 KB)%n",
                    page, r.statusCode(), r.body().length / 1024.0, assets / 1024.0, (r.body().length + assets) / 1024.0);
        }
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** Open loop: a request every 1/rate s, whatever the answers take (a slow answer does not slow the arrivals). */
    private static List<Long> load(List<Browser> browsers, int seconds, int rate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < seconds * rate; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Browser b = browsers.get(i % browsers.size());
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> r = b.get("/check/result");
                if (r.statusCode() != 200 || !r.body().contains("benefit-SPECIAL_SUPPORT")) {
                    throw new IllegalStateException("result " + r.statusCode());
                }
                return System.nanoTime() - t0;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : futures) {
            latencies.add(f.get());
        }
        pool.shutdown();
        return latencies;
    }
}
