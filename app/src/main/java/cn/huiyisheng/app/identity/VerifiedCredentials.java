package cn.huiyisheng.app.identity;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

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
 * same HTTP Basic credentials on every call pays for one BCrypt check (65 ms of CPU, measured here)
 * instead of one per request. Entries are keyed by an HMAC of name and password under a key made
 * at start, so neither is kept; a changed password, a disabled account or a changed role takes
 * effect within the minute.
 *
 * <p>When the minute is over the account is read again (one indexed query): if its stored password
 * hash is still the one the password was verified against, the password still matches it, and the
 * entry is renewed with the account's current roles without running BCrypt again, for up to an
 * hour after BCrypt last verified it; a renewal is throttled and recorded in the trail as the full
 * check is. Otherwise (a new password, a disabled or locked account, no account, the hour over) the
 * credentials are checked in full.
 * Before this, every remembered credential cost a BCrypt check a minute: with 160 API accounts
 * that was a tenth of two cores, spent in bursts as the entries made together expired together.
 */
public class VerifiedCredentials implements AuthenticationManager {

    private static final Duration TTL = Duration.ofMinutes(1);
    /** How long an entry may be renewed without BCrypt: then the password is checked in full again. */
    private static final Duration MAX_AGE = Duration.ofHours(1);
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
    /** The accounts as stored, to renew an entry whose password hash has not changed; null: no renewal. */
    private final UserDetailsService accounts;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    /**
     * A verified credential: the result, until when it stands, the stored hash it was verified against
     * (null: unknown) and when BCrypt last verified it.
     */
    private record Entry(Authentication authentication, Instant until, String passwordHash, Instant verifiedAt) {
    }

    public VerifiedCredentials(AuthenticationManager delegate, Clock clock) {
        this(delegate, clock, Attempts.NONE);
    }

    public VerifiedCredentials(AuthenticationManager delegate, Clock clock, Attempts attempts) {
        this(delegate, clock, attempts, null);
    }

    public VerifiedCredentials(AuthenticationManager delegate, Clock clock, Attempts attempts, UserDetailsService accounts) {
        this.delegate = delegate;
        this.clock = clock;
        this.attempts = attempts;
        this.accounts = accounts;
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
        String storedHash;
        try {
            if (hit != null && hit.passwordHash() != null && hit.verifiedAt().plus(MAX_AGE).isAfter(now)) {
                Entry renewed = renewed(hit, request, now);
                if (renewed != null) {
                    // accounted for as a full check is: throttled, and the sign-in in the trail (once a minute)
                    attempts.check(request.getName(), address);
                    attempts.succeeded(renewed.authentication().getName(), address);
                    verified.put(id, renewed);
                    return renewed.authentication();
                }
            }
            verified.remove(id);
            attempts.check(request.getName(), address);
            // the hash as stored before the check: if the password changes meanwhile, the renewal sees another hash
            storedHash = storedHash(request.getName());
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
        verified.put(id, new Entry(result, now.plus(TTL), storedHash, now));
        return result;
    }

    /** The entry for another minute if the account still stores the hash its password was verified against, else null. */
    private Entry renewed(Entry hit, Authentication request, Instant now) {
        UserDetails account;
        try {
            account = accounts.loadUserByUsername(request.getName());
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException gone) {
            return null;
        }
        if (!hit.passwordHash().equals(account.getPassword()) || !account.isEnabled() || !account.isAccountNonLocked()
                || !account.isAccountNonExpired() || !account.isCredentialsNonExpired()) {
            return null;
        }
        if (account instanceof org.springframework.security.core.CredentialsContainer c) {
            c.eraseCredentials(); // as the full check leaves it: no hash in the session or the security context
        }
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.getAuthorities());
        renewed.setDetails(request.getDetails());
        return new Entry(renewed, now.plus(TTL), hit.passwordHash(), hit.verifiedAt());
    }

    private String storedHash(String username) {
        if (accounts == null) {
            return null;
        }
        try {
            return accounts.loadUserByUsername(username).getPassword();
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException none) {
            return null;
        }
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
