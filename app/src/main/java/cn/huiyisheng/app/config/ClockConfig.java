package cn.huiyisheng.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Time is a parameter: everything at the edges asks this clock, and tests can fix it. */
@Configuration
public class ClockConfig {

    /** The commission's zone: dates (as-of, valid-from) are Shenzhen dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
