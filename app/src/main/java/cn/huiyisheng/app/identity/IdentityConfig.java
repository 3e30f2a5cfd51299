package cn.huiyisheng.app.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The real-name verifier: the checksum one unless a deployment provides the city's. */
@Configuration
public class IdentityConfig {

    @Bean
    @ConditionalOnMissingBean(RealNameVerifier.class)
    RealNameVerifier checksumRealNameVerifier() {
        return new ChecksumRealNameVerifier();
    }
}
