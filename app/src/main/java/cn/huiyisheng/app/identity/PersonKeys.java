package cn.huiyisheng.app.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A person's key: an HMAC-SHA256, under the service's secret, of their resident ID number (or, for
 * a child who has none in a claim, of name and birth date). Uniqueness ("paid at most once per
 * person") and cross-claim search use the key; the ID number itself is stored only where it is
 * needed (the household facts, the bank files). Without the secret, a key cannot be turned back
 * into an ID number by trying all of them (there are only about 10^11).
 */
@Component
public class PersonKeys {

    static final String DEV_SECRET = "dev-only-person-key-secret-change-me";
    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);

    private final byte[] secret;

    public PersonKeys(@Value("${huiyisheng.person-key-secret:" + DEV_SECRET + "}") String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("huiyisheng.person-key-secret must have at least 16 characters");
        }
        if (secret.equals(DEV_SECRET)) {
            log.warn("huiyisheng.person-key-secret is the development default: set HUIYISHENG_PERSON_KEY_SECRET in production");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The key of the person with this resident ID number (the check character's case does not matter). */
    public String of(String idNumber) {
        return mac("ID:" + idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** The key of a child known by name and birth date only. */
    public String ofChild(String name, LocalDate birthDate) {
        return mac("CHILD:" + (name == null ? "" : name.strip()) + "|" + birthDate);
    }

    /** The key of a bank account, for cross-claim search without exposing the number. */
    public String ofAccount(String account) {
        return mac("ACCOUNT:" + account.strip());
    }

    /** One initialised Mac per thread: looking one up and keying it costs more than the hash. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(String value) {
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
