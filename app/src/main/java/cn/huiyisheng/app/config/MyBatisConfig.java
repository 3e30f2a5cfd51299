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
}
