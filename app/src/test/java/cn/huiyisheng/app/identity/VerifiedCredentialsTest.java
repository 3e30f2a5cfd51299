package cn.huiyisheng.app.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    /** Stands for the password check: "secret" is right for "alice". */
    private final AuthenticationManager passwords = auth -> {
        checks.incrementAndGet();
        if (!"alice".equals(auth.getName()) || !"secret".equals(auth.getCredentials())) {
            throw new BadCredentialsException("bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());
    };

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void repeatedRightCredentialsAreCheckedOnceAMinute() {
        VerifiedCredentials cache = new VerifiedCredentials(passwords, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.authenticate(login("alice", "secret")).isAuthenticated()).isTrue();
        }
        assertThat(checks).hasValue(1);
        now = now.plus(Duration.ofSeconds(61));
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        VerifiedCredentials cache = new VerifiedCredentials(passwords, clock);
        cache.authenticate(login("alice", "secret"));
        assertThatThrownBy(() -> cache.authenticate(login("alice", "secret "))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("alice", "secret "))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }
}
