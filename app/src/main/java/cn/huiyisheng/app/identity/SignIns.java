package cn.huiyisheng.app.identity;

import cn.huiyisheng.app.audit.SecurityTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sign-in attempts: each is recorded in the security trail, and after {@code max-failures} failed
 * attempts for an account or from an address within the window, further attempts are refused
 * until the oldest of them leaves the window. Counted in the database, so every node of the
 * service sees the same count.
 */
@Component
public class SignIns implements VerifiedCredentials.Attempts {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A sign-in refused because of too many failed attempts, with when to try again. */
    public static class Throttled extends AuthenticationException {
        private final Instant until;

        Throttled(Instant until) {
            super("登录失败次数过多，请于北京时间 " + DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(BEIJING))
                    + " 后再试 / Too many failed sign-ins: try again after " + DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(BEIJING))
                    + " (Beijing time)");
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private final SecurityTrail trail;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public SignIns(SecurityTrail trail, Clock clock, @Value("${huiyisheng.sign-in.max-failures:5}") int maxFailures,
                   @Value("${huiyisheng.sign-in.window:PT15M}") Duration window) {
        this.trail = trail;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Refuses the attempt (and records that) while the account or the address has too many recent failures. */
    @Override
    public void check(String username, String address) {
        Instant since = clock.instant().minus(window);
        Instant until = null;
        for (List<Instant> failures : List.of(trail.failures(username, null, since, maxFailures),
                address == null ? List.<Instant>of() : trail.failures(null, address, since, maxFailures))) {
            if (failures.size() >= maxFailures) {
                Instant free = failures.get(maxFailures - 1).plus(window);
                until = until == null || free.isAfter(until) ? free : until;
            }
        }
        if (until != null) {
            trail.refusedSignIn(username, address, "too many failed sign-ins; refused until " + until);
            throw new Throttled(until);
        }
    }

    @Override
    public void succeeded(String username, String address) {
        trail.record(username, address, SecurityTrail.Type.SIGN_IN, "OK", null, null);
    }

    @Override
    public void failed(String username, String address, String why) {
        trail.record(username, address, SecurityTrail.Type.SIGN_IN_FAILED, "FAILED", null, why);
    }
}
