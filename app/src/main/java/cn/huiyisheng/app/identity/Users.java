package cn.huiyisheng.app.identity;

import cn.huiyisheng.app.identity.persistence.AppUserMapper;
import cn.huiyisheng.app.identity.persistence.AppUserRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The accounts of the service: roles, hashed passwords and the person each belongs to. */
@Service
public class Users implements UserDetailsService {

    /**
     * The demo accounts of the embedded default: username = password (README). Each belongs to a
     * person with a fixed, valid demo ID number; staff are persons too, so that no one can decide
     * a claim of their own household.
     */
    record Demo(String username, String displayName, String roles, String idNumber, String name) {
    }

    static final List<Demo> DEMO = List.of(
            new Demo("applicant", "李梅 (申请人)", "APPLICANT", "440304195803200249", "李梅"),
            new Demo("applicant2", "刘洋 (申请人)", "APPLICANT", "440304197506150520", "刘洋"),
            new Demo("reviewer", "审核员甲", "REVIEWER", "440304198001010017", "赵审"),
            new Demo("reviewer2", "审核员乙", "REVIEWER", "440304198202020027", "钱审"),
            new Demo("supervisor", "科长", "SUPERVISOR,REVIEWER", "440304197505050034", "孙科"),
            new Demo("payment", "支付专员", "PAYMENT_OFFICER", "440304198506060044", "周付"),
            new Demo("policy", "政策专员", "POLICY_STAFF", "440304199007070058", "吴策"),
            new Demo("policy2", "政策专员乙", "POLICY_STAFF", "440304199103030080", "冯政"),
            new Demo("auditor", "审计员", "AUDITOR", "440304198808080067", "郑审"),
            new Demo("admin", "管理员", "ADMIN", "44030419700909007X", "王管"));

    private final AppUserMapper mapper;
    private final PasswordEncoder encoder;
    private final PersonKeys keys;
    private final Clock clock;
    private final boolean demoAccounts;

    public Users(AppUserMapper mapper, PasswordEncoder encoder, PersonKeys keys, Clock clock,
                 @Value("${huiyisheng.demo-accounts:false}") boolean demoAccounts) {
        this.mapper = mapper;
        this.encoder = encoder;
        this.keys = keys;
        this.clock = clock;
        this.demoAccounts = demoAccounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUserRow row = mapper.find(username);
        if (row == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new Account(row.getUsername(), row.getPasswordHash(), row.isEnabled(),
                roles(row).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(), row.getPersonKey(), row.getPersonName());
    }

    public AppUserRow find(String username) {
        return mapper.find(username);
    }

    /** The verified person an account belongs to: ID number and name (personal data: for the applicant's own claim only). */
    public record VerifiedPerson(String idNumber, String name) {
    }

    public java.util.Optional<VerifiedPerson> verifiedPerson(String username) {
        AppUserRow row = mapper.find(username);
        return row == null || row.getIdNumber() == null || row.getPersonKey() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new VerifiedPerson(row.getIdNumber(), row.getPersonName()));
    }

    /** The account with this name as a current user (no roles, no person if there is no such account). */
    public CurrentUser current(String username) {
        AppUserRow row = mapper.find(username);
        return row == null ? new CurrentUser(username, Set.of(), null)
                : new CurrentUser(row.getUsername(), roles(row), row.getPersonKey(), row.getPersonName());
    }

    public static Set<Role> roles(AppUserRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.getRoles().split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    /** What creating an account did. */
    public enum Created { CREATED, USERNAME_TAKEN, PERSON_HAS_ACCOUNT }

    /**
     * Creates an account for a person whose name and ID number have been verified; the unique keys
     * decide between two registrations at once.
     */
    public Created create(String username, String password, String displayName, Set<Role> roles, String idNumber, String name,
                          String phone) {
        if (mapper.find(username) != null) {
            return Created.USERNAME_TAKEN;
        }
        String personKey = idNumber == null ? null : keys.of(idNumber);
        if (personKey != null && mapper.findByPersonKey(personKey) != null) {
            return Created.PERSON_HAS_ACCOUNT;
        }
        AppUserRow row = new AppUserRow();
        row.setUsername(username);
        row.setPasswordHash(encoder.encode(password));
        row.setDisplayName(displayName);
        row.setRoles(roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        row.setIdNumber(idNumber == null ? null : idNumber.toUpperCase(Locale.ROOT));
        row.setPersonKey(personKey);
        row.setPersonName(name);
        row.setPhone(phone);
        row.setEnabled(true);
        row.setCreatedAt(clock.instant());
        try {
            mapper.insert(row);
            return Created.CREATED;
        } catch (DuplicateKeyException raced) {
            return mapper.find(username) != null ? Created.USERNAME_TAKEN : Created.PERSON_HAS_ACCOUNT;
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    public void atStart() {
        if (demoAccounts) {
            for (Demo d : DEMO) {
                Set<Role> roles = Arrays.stream(d.roles().split(",")).map(Role::valueOf).collect(Collectors.toSet());
                create(d.username(), d.username(), d.displayName(), roles, d.idNumber(), d.name(), null);
            }
        }
        // accounts made before persons were keyed get their key (and the demo ones their person)
        for (AppUserRow row : mapper.findUnkeyed()) {
            Demo demo = DEMO.stream().filter(d -> d.username().equals(row.getUsername())).findFirst().orElse(null);
            String idNumber = row.getIdNumber() != null ? row.getIdNumber() : demo == null ? null : demo.idNumber();
            if (idNumber != null) {
                mapper.setPerson(row.getUsername(), idNumber, keys.of(idNumber), demo == null ? row.getPersonName() : demo.name());
            }
        }
    }
}
