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

    /** The stored account of "alice": its hash and whether it is enabled, as an administrator might change them. */
    private String storedHash = "{bcrypt}$2a$10$first";
    private boolean enabled = true;
    private List<String> roles = List.of("ROLE_APPLICANT");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger signIns = new AtomicInteger();
    /** Counts the sign-ins recorded in the trail. */
    private final VerifiedCredentials.Attempts counted = new VerifiedCredentials.Attempts() {
        @Override
        public void check(String username, String address) {
        }

        @Override
        public void succeeded(String username, String address) {
            signIns.incrementAndGet();
        }

        @Override
        public void failed(String username, String address, String why) {
        }
    };
    private final org.springframework.security.core.userdetails.UserDetailsService accounts = name -> {
        reads.incrementAndGet();
        if (!"alice".equals(name)) {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException("no such user");
        }
        return new org.springframework.security.core.userdetails.User("alice", storedHash, enabled, true, true, true,
                roles.stream().map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    };

    @Test
    void afterTheMinuteAnUnchangedAccountIsRenewedWithoutCheckingThePasswordAgain() {
        VerifiedCredentials cache = new VerifiedCredentials(passwords, clock, counted, accounts);
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).hasValue(1);
        for (int minute = 1; minute <= 3; minute++) {
            now = now.plus(Duration.ofSeconds(61));
            roles = List.of("ROLE_APPLICANT", "ROLE_R" + minute);
            org.springframework.security.core.Authentication renewed = cache.authenticate(login("alice", "secret"));
            assertThat(renewed.isAuthenticated()).isTrue();
            assertThat(renewed.getName()).isEqualTo("alice");
            // the roles as stored now, the hash not carried into the session
            assertThat(renewed.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_APPLICANT", "ROLE_R" + minute);
            assertThat(((org.springframework.security.core.userdetails.UserDetails) renewed.getPrincipal()).getPassword()).isNull();
        }
        assertThat(checks).as("BCrypt ran once, at the first sign-in").hasValue(1);
        assertThat(signIns).as("each renewal is a sign-in in the trail, as a full check is").hasValue(1 + 3);
        // an hour after BCrypt last verified it, the password is checked in full again
        now = now.plus(Duration.ofMinutes(58));
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).hasValue(2);
        // a wrong password is never renewed: its key is another
        assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordOrADisabledAccountIsCheckedInFullOnceTheMinuteIsOver() {
        VerifiedCredentials cache = new VerifiedCredentials(passwords, clock, VerifiedCredentials.Attempts.NONE, accounts);
        cache.authenticate(login("alice", "secret"));
        storedHash = "{bcrypt}$2a$10$second"; // the password was changed: "secret" may no longer match
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).as("within the minute the entry stands").hasValue(1);
        now = now.plus(Duration.ofSeconds(61));
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).as("the stored hash changed: the password is checked again").hasValue(2);

        now = now.plus(Duration.ofSeconds(61));
        enabled = false;
        cache.authenticate(login("alice", "secret")); // the stand-in check does not look at "enabled": the full check ran
        assertThat(checks).as("a disabled account is never renewed").hasValue(3);
    }
}
