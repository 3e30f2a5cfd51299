package cn.huiyisheng.app.config;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Time is a parameter: everything at the edges asks this clock. It is the process engine's clock
 * ({@link ClockUtil}): the monthly payment run's timer, the review deadlines and our own dates (the
 * month a run pays, the date a claim is decided as of, what is known at an instant) move together,
 * so that a test can live through months of payments on one clock. In production it is the
 * system's clock.
 *
 * <p>For tests of the packaged service and for demonstrations only, {@code huiyisheng.clock.start}
 * (an ISO instant or offset date-time) starts the clock at that instant, from which it runs on:
 * a service killed and started again with a later start lives on in another month. Never set it in
 * production: a warning says so at every start.
 */
@Configuration
public class ClockConfig {

    /** The commission's zone: dates (as-of, valid-from) are Shenzhen dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock(@org.springframework.beans.factory.annotation.Value("${huiyisheng.clock.start:}") String start) {
        if (!start.isBlank()) {
            Instant at;
            try {
                at = java.time.OffsetDateTime.parse(start.strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("huiyisheng.clock.start must be an ISO date-time with its offset, such as"
                        + " 2014-01-02T09:00:00+08:00, not " + start, e);
            }
            ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
            org.slf4j.LoggerFactory.getLogger(ClockConfig.class).warn("the service's clock starts at {} (huiyisheng.clock.start):"
                    + " for tests and demonstrations only, never in production", at);
        }
        return new EngineClock(ZONE);
    }

    /** The engine's clock in a zone. */
    public static final class EngineClock extends Clock {
        private final ZoneId zone;

        public EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new EngineClock(other);
        }

        @Override
        public long millis() {
            return ClockUtil.now().getTime();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
