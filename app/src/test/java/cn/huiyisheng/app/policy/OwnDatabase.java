package cn.huiyisheng.app.policy;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test class's own, new on every run: H2 in memory, or a MariaDB database beside
 * the suite's, dropped first (so that a second run starts from the shipped versions as the first).
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String mariaDbSuffix, String h2Name) throws Exception {
        String own = mariaDb(mariaDbSuffix);
        String url = own != null ? own : "jdbc:h2:mem:" + h2Name + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        // the suite keeps every context it made open until the end (Spring's context cache): a context of its own
        // holds few connections, so that MariaDB's max_connections (151) is not exhausted. (Closing it after its class
        // instead would unregister the process engine "default" from Camunda's static registry, which the webapps of
        // the shared context look their engine up in.)
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    /**
     * On MariaDB (the suite's URL in SPRING_DATASOURCE_URL), the URL of a new database beside the
     * suite's, dropped first; null on H2.
     */
    public static String mariaDb(String mariaDbSuffix) throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(jdbc:mysql://[^/]+/)([A-Za-z0-9_]+)(.*)$").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot name a database beside " + url);
        }
        String database = m.group(2) + mariaDbSuffix;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(m.group(1), System.getenv().getOrDefault(
                "SPRING_DATASOURCE_USERNAME", "root"), System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
        }
        return m.group(1) + database + m.group(3);
    }
}
