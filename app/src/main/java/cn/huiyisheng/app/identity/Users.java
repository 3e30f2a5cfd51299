package cn.huiyisheng.app.identity;

import cn.huiyisheng.app.identity.persistence.AppUserMapper;
import cn.huiyisheng.app.identity.persistence.AppUserRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The users of the service, their roles and hashed passwords. */
@Service
public class Users implements UserDetailsService {

    /** The demo accounts of the embedded default: username = password (README). */
    static final List<String[]> DEMO = List.of(
            new String[]{"applicant", "李梅 (申请人)", "APPLICANT", "440304195803200249"},
            new String[]{"applicant2", "刘洋 (申请人)", "APPLICANT", "440304197506150520"},
            new String[]{"reviewer", "审核员甲", "REVIEWER", null},
            new String[]{"reviewer2", "审核员乙", "REVIEWER", null},
            new String[]{"supervisor", "科长", "SUPERVISOR,REVIEWER", null},
            new String[]{"payment", "支付专员", "PAYMENT_OFFICER", null},
            new String[]{"policy", "政策专员", "POLICY_STAFF", null},
            new String[]{"auditor", "审计员", "AUDITOR", null},
            new String[]{"admin", "管理员", "ADMIN", null});

    private final AppUserMapper mapper;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final boolean demoAccounts;

    public Users(AppUserMapper mapper, PasswordEncoder encoder, Clock clock,
                 @Value("${huiyisheng.demo-accounts:false}") boolean demoAccounts) {
        this.mapper = mapper;
        this.encoder = encoder;
        this.clock = clock;
        this.demoAccounts = demoAccounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUserRow row = mapper.find(username);
        if (row == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(row.getUsername()).password(row.getPasswordHash()).disabled(!row.isEnabled())
                .authorities(roles(row).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()).build();
    }

    public AppUserRow find(String username) {
        return mapper.find(username);
    }

    public static Set<Role> roles(AppUserRow row) {
        return Arrays.stream(row.getRoles().split(",")).map(String::strip).map(Role::valueOf).collect(Collectors.toSet());
    }

    /** Creates a user unless one of that name exists; returns whether it was created. */
    public boolean create(String username, String password, String displayName, Set<Role> roles, String idNumber) {
        if (mapper.find(username) != null) {
            return false;
        }
        AppUserRow row = new AppUserRow();
        row.setUsername(username);
        row.setPasswordHash(encoder.encode(password));
        row.setDisplayName(displayName);
        row.setRoles(roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        row.setIdNumber(idNumber);
        row.setEnabled(true);
        row.setCreatedAt(clock.instant());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    public void createDemoAccounts() {
        if (!demoAccounts) {
            return;
        }
        for (String[] d : DEMO) {
            Set<Role> roles = Arrays.stream(d[2].split(",")).map(Role::valueOf).collect(Collectors.toSet());
            create(d[0], d[0], d[1], roles, d[3]);
        }
    }
}
