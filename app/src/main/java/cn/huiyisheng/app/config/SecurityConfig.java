package cn.huiyisheng.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Checking entitlements and reading the catalogue need no sign-in; claims need
 * an account; staff work needs its role. The API takes HTTP Basic, the inbox a login form.
 * Camunda's webapps (/camunda) keep their own login; its REST API is for admins only.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Password checks through the user table, with recently verified credentials remembered for a minute. */
    @Bean
    org.springframework.security.authentication.AuthenticationManager authenticationManager(
            cn.huiyisheng.app.identity.Users users, PasswordEncoder encoder, java.time.Clock clock) {
        org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
                new org.springframework.security.authentication.dao.DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return new cn.huiyisheng.app.identity.VerifiedCredentials(
                new org.springframework.security.authentication.ProviderManager(dao), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.springframework.security.authentication.AuthenticationManager manager)
            throws Exception {
        http.authenticationManager(manager);
        http.securityMatcher("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/evaluations").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/benefits/*/drafts/check").hasRole("POLICY_STAFF")
                        .requestMatchers(HttpMethod.GET, "/api/benefits/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/tasks/**").hasAnyRole("REVIEWER", "SUPERVISOR")
                        .requestMatchers("/api/payment-runs/**").hasRole("PAYMENT_OFFICER")
                        .requestMatchers("/api/claims/**").authenticated()
                        .requestMatchers("/engine-rest/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(databaseAwareEntryPoint()));
        return http.build();
    }

    /**
     * Basic authentication's answer, except when the user could not be looked up because the
     * database is away: then 503 with the same body as every other outage answer, not a 401.
     */
    static org.springframework.security.web.AuthenticationEntryPoint databaseAwareEntryPoint() {
        org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint basic =
                new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        basic.setRealmName("huiyisheng");
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                    && e.getCause() instanceof org.springframework.dao.DataAccessResourceFailureException) {
                response.setStatus(503);
                response.setHeader("Retry-After", "10");
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"title\":\"Service unavailable / 服务暂不可用\",\"status\":503,"
                        + "\"detail\":\"the database cannot be reached; nothing was changed, try again shortly\",\"problems\":[]}");
                return;
            }
            basic.commence(request, response, e);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, org.springframework.security.authentication.AuthenticationManager manager)
            throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/camunda/**", "/login", "/css/**", "/error").permitAll()
                        .requestMatchers("/inbox/payments/**").hasRole("PAYMENT_OFFICER")
                        .requestMatchers("/inbox/**").hasAnyRole("REVIEWER", "SUPERVISOR", "PAYMENT_OFFICER")
                        .anyRequest().authenticated())
                // Camunda's webapps protect themselves (their own session and CSRF token)
                .csrf(c -> c.ignoringRequestMatchers("/camunda/**"))
                .formLogin(f -> f.defaultSuccessUrl("/inbox", false))
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
