package cn.huiyisheng.app.identity;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a minute, credentials that were just verified, so that an API client sending the
 * same HTTP Basic credentials on every call pays for one BCrypt check a minute (65 ms of CPU each,
 * measured here) instead of one per request. Entries are keyed by an HMAC of name and password
 * under a key made at start, so neither is kept; a changed password or role takes effect within
 * the minute.
 */
public class VerifiedCredentials implements AuthenticationManager {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    /** What happens around a real verification (not around a remembered one): throttling and the trail. */
    public interface Attempts {
        /** Throws to refuse the attempt before the password is checked. */
        void check(String username, String address);

        void succeeded(String username, String address);

        void failed(String username, String address, String why);

        Attempts NONE = new Attempts() {
            @Override
            public void check(String username, String address) {
            }

            @Override
            public void succeeded(String username, String address) {
            }

            @Override
            public void failed(String username, String address, String why) {
            }
        };
    }

    private final AuthenticationManager delegate;
    private final Clock clock;
    private final Attempts attempts;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(Authentication authentication, Instant until) {
    }

    public VerifiedCredentials(AuthenticationManager delegate, Clock clock) {
        this(delegate, clock, Attempts.NONE);
    }

    public VerifiedCredentials(AuthenticationManager delegate, Clock clock, Attempts attempts) {
        this.delegate = delegate;
        this.clock = clock;
        this.attempts = attempts;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || request.getCredentials() == null) {
            return delegate.authenticate(request);
        }
        String id = mac(request.getName() + '\u0000' + request.getCredentials());
        Instant now = clock.instant();
        Entry hit = verified.get(id);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.authentication();
        }
        String address = address(request);
        Authentication result;
        try {
            attempts.check(request.getName(), address);
            try {
                result = delegate.authenticate(request);
            } catch (org.springframework.security.authentication.InternalAuthenticationServiceException unavailable) {
                throw unavailable; // the database is away: not the user's failure
            } catch (AuthenticationException e) {
                attempts.failed(request.getName(), address, e.getClass().getSimpleName());
                throw e;
            }
            attempts.succeeded(result.getName(), address);
        } catch (org.springframework.dao.DataAccessException unavailable) {
            // the trail or the throttle could not be read or written: the sign-in cannot be accounted for
            throw new org.springframework.security.authentication.InternalAuthenticationServiceException("database unavailable", unavailable);
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(id, new Entry(result, now.plus(TTL)));
        return result;
    }

    /** The client's address, as the sign-in filters recorded it, or the current request's. */
    private static String address(Authentication request) {
        if (request.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails d) {
            return d.getRemoteAddress();
        }
        return cn.huiyisheng.app.audit.SecurityTrail.currentAddress();
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
