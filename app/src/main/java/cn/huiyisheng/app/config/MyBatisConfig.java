package cn.huiyisheng.app.config;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Properties;

/**
 * Which database the mappers talk to ({@code databaseId} "h2" or "mysql", MariaDB through
 * Connector/J included): a statement may take the form that is fastest on each, measured with
 * {@code ./bench inbox} (the task list's deferred join halves MariaDB's sort and slows H2's).
 */
@Configuration
public class MyBatisConfig {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("H2", "h2");
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }

    /**
     * Learns the database's error codes while it is up. Spring's exception translation (MyBatis's
     * included) asks a connection for the database's name the first time a statement fails; if the
     * first failure is the database going away, each failure waited a connection timeout for that
     * (1.5 s, twice in a request: a 503 in 3.3 s instead of at once; found by DatabaseOutageTest).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void learnErrorCodes(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        for (javax.sql.DataSource source : ready.getApplicationContext().getBeansOfType(javax.sql.DataSource.class).values()) {
            org.springframework.jdbc.support.SQLErrorCodesFactory.getInstance().getErrorCodes(source);
        }
    }
}
