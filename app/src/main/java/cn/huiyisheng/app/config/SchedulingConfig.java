package cn.huiyisheng.app.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work of the service itself (the security trail's sealer); the engine's jobs have their own executor. */
@Configuration
@EnableScheduling
public class SchedulingConfig {
}
