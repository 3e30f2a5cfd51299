package cn.huiyisheng.app.config;

import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.ProblemType;
import cn.huiyisheng.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Checking entitlements, reading the catalogue and registering need no sign-in;
 * claims need an account; staff work needs its role. The API takes HTTP Basic, the inbox a login
 * form. Camunda's webapps (/camunda) keep their own login, without Tasklist; its REST API is for
 * admins only; no Camunda surface operates on tasks.
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
            cn.huiyisheng.app.identity.Users users, PasswordEncoder encoder, java.time.Clock clock,
            cn.huiyisheng.app.identity.SignIns signIns) {
        org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
                new org.springframework.security.authentication.dao.DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return new cn.huiyisheng.app.identity.VerifiedCredentials(
                new org.springframework.security.authentication.ProviderManager(dao), clock, signIns, users);
    }

    /** Paths served by servlets other than Spring MVC's (Camunda's Jersey), matched by path, not by MVC. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /**
     * Task operations through Camunda's own APIs (claim, assign, complete, resolve, delegate, form
     * submission, variables of a task): claims are decided only in our API and workbench, where
     * the person performing a decision is checked. The engine's listeners refuse such a decision
     * too, but behind Jersey's error mapping it would answer 500; this answers 403 first.
     */
    private static RequestMatcher camundaTaskWrites(String engineApiRoot) {
        String tasks = engineApiRoot + "/task/**";
        return new OrRequestMatcher(path(HttpMethod.POST, tasks), path(HttpMethod.PUT, tasks), path(HttpMethod.DELETE, tasks));
    }

    /**
     * Camunda's REST API, for operators' scripts (incidents, retries): ADMIN over HTTP Basic only,
     * never a session. Matched by path: the MVC matchers of the API chain do not see Jersey's
     * requests (DEPENDENCIES.md, pitfall 12), which then fell to the form-login chain's "any
     * signed-in user".
     */
    @Bean
    @Order(0)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager manager, AccessDeniedHandler refusals, Problems problems)
            throws Exception {
        http.authenticationManager(manager);
        http.securityMatcher(path("/engine-rest/**"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(camundaTaskWrites("/engine-rest")).denyAll()
                        .anyRequest().hasRole("ADMIN"))
                .exceptionHandling(e -> e.accessDeniedHandler(refusals))
                .httpBasic(b -> b.authenticationEntryPoint(databaseAwareEntryPoint(problems)));
        headers(http, API_POLICY);
        return http.build();
    }

    /**
     * Camunda's webapps keep their own sign-in (Camunda's identity service: only the operators'
     * accounts exist there) and, with Camunda authorization on, their own permissions. Tasklist is
     * not offered: staff decide claims through our workbench, where our checks run; and no
     * webapp may operate on tasks.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, AccessDeniedHandler refusals) throws Exception {
        http.securityMatcher(path("/camunda/**"))
                // Camunda's webapps protect themselves (their own session and CSRF token)
                .csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/camunda/app/tasklist/**"), path("/camunda/api/tasklist/**")).denyAll()
                        .requestMatchers(camundaTaskWrites("/camunda/api/engine/engine/*")).denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(refusals));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, AccessDeniedHandler refusals, Problems problems)
            throws Exception {
        http.authenticationManager(manager);
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/evaluations", "/api/accounts").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/benefits/*/drafts/check").hasRole("POLICY_STAFF")
                        .requestMatchers("/api/policy/**").hasRole("POLICY_STAFF")
                        .requestMatchers(HttpMethod.GET, "/api/benefits/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/tasks/**").hasAnyRole("REVIEWER", "SUPERVISOR")
                        .requestMatchers("/api/entitlements/**").hasAnyRole("REVIEWER", "SUPERVISOR")
                        .requestMatchers("/api/payment-runs/**").hasRole("PAYMENT_OFFICER")
                        .requestMatchers("/api/security-events/**").hasRole("AUDITOR")
                        .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/api/claims/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.accessDeniedHandler(refusals))
                .httpBasic(b -> b.authenticationEntryPoint(databaseAwareEntryPoint(problems)));
        headers(http, API_POLICY);
        return http.build();
    }

    /**
     * Basic authentication's answer, except when the user could not be looked up because the
     * database is away: then 503 with the same body as every other outage answer, not a 401.
     */
    static org.springframework.security.web.AuthenticationEntryPoint databaseAwareEntryPoint(Problems problems) {
        org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint basic =
                new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        basic.setRealmName("huiyisheng");
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                    && cn.huiyisheng.app.web.DatabaseAway.is(e.getCause())) {
                response.setHeader("Retry-After", "10");
                problems.write(response, problems.of(ProblemType.UNAVAILABLE, ApiErrors.DATABASE_DOWN));
                return;
            }
            if (e instanceof cn.huiyisheng.app.identity.SignIns.Throttled throttled) {
                response.setHeader("Retry-After", Long.toString(Math.max(1,
                        java.time.Duration.between(java.time.Instant.now(), throttled.until()).toSeconds())));
                problems.write(response, problems.refusal(ProblemType.SIGN_IN_THROTTLED, "SIGN_IN_THROTTLED", throttled.getMessage()));
                return;
            }
            basic.commence(request, response, e);
        };
    }

    /** A refused access by a signed-in user: recorded in the security trail, then the usual 403. */
    @Bean
    AccessDeniedHandler recordingAccessDeniedHandler(cn.huiyisheng.app.audit.SecurityTrail trail) {
        AccessDeniedHandler standard = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            trail.refused(auth == null ? null : auth.getName(), request.getRemoteAddr(), request.getMethod() + " " + request.getRequestURI(),
                    "no role for this");
            standard.handle(request, response, e);
        };
    }

    /**
     * The headers every answer of ours carries: no framing, no sniffing, no referrer across
     * origins, and for pages a policy without inline scripts (inline styles remain until the UI
     * foundation's stylesheet replaces them).
     */
    private static void headers(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        http.headers(h -> h
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy)));
    }

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager, AccessDeniedHandler refusals) throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/error").permitAll()
                        // the portal's calculator is open to everyone (issue 11): nothing personal is stored
                        .requestMatchers("/", "/check", "/check/**").permitAll()
                        // the applicant's own pages: only their own claims are ever found there
                        .requestMatchers("/my", "/my/**").hasRole("APPLICANT")
                        .requestMatchers("/policy/**", "/policy").hasRole("POLICY_STAFF")
                        .requestMatchers("/audit/**", "/audit").hasRole("AUDITOR")
                        .requestMatchers("/inbox/payments/**").hasRole("PAYMENT_OFFICER")
                        .requestMatchers("/inbox/blocked").hasRole("ADMIN")
                        .requestMatchers("/inbox/claims/**").hasAnyRole("REVIEWER", "SUPERVISOR")
                        .requestMatchers("/inbox/entitlements", "/inbox/entitlements/**", "/inbox/overpayments/**", "/inbox/change-reports/**")
                        .hasAnyRole("REVIEWER", "SUPERVISOR")
                        .requestMatchers("/inbox/**").hasAnyRole("REVIEWER", "SUPERVISOR", "PAYMENT_OFFICER")
                        .anyRequest().authenticated())
                // our own pages, in the user's language (templates/login.html)
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/home", false))
                .exceptionHandling(e -> e.accessDeniedHandler(refusals))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
        headers(http, PAGE_POLICY);
        return http.build();
    }
}
