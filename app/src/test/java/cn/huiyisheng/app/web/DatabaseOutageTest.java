package cn.huiyisheng.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running service: the API says so with a 503 within 2 s, and when
 * the database is back the service works again without a restart. The service reaches its (H2
 * server) database through a proxy the test cuts; the behaviour under test is the service's, so
 * this test runs on H2 under every profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    static final Server H2;
    static final TcpProxy PROXY;
    static final java.nio.file.Path DIR;

    static {
        try {
            // a file database: it reopens when connections come back (a memory one is gone once cut)
            DIR = java.nio.file.Files.createTempDirectory("huiyisheng-outage");
            H2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", DIR.toString()).start();
            PROXY = new TcpProxy(H2.getPort());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + PROXY.port() + "/outage;MODE=MySQL");
        registry.add("spring.datasource.driver-class-name", () -> "org.h2.Driver");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws Exception {
        PROXY.close();
        H2.stop();
    }

    @Autowired
    TestRestTemplate http;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /**
     * The status of one GET as the applicant, with a client that does not retry: the test
     * template's (HttpClient 5) retries a 503 once by itself, which would time two answers.
     */
    int status(String path) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("applicant:applicant".getBytes()))
                        .header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        lastBody = r.body();
        return r.statusCode();
    }

    String lastBody;

    @Test
    void withoutItsDatabaseTheServiceAnswers503QuicklyAndRecoversWithoutARestart() throws Exception {
        assertThat(http.getForEntity("/api/benefits/SPECIAL_SUPPORT/versions", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        PROXY.down();
        try {
            for (String path : new String[]{"/api/benefits/SPECIAL_SUPPORT/versions", "/api/claims"}) {
                long t0 = System.nanoTime();
                int code = status(path);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(code).as(path).isEqualTo(503);
                assertThat(lastBody).contains("database cannot be reached");
                assertThat(ms).as(path + " answered in ms").isLessThan(2000);
            }
        } finally {
            PROXY.up();
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = status("/api/claims");
            Thread.sleep(700);
        }
        assertThat(status).isEqualTo(200);
    }
}
