package cn.huiyisheng.app.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/**
 * A signed-in account with the person it belongs to: the key of their resident ID number and the
 * name recorded with it (null for an account with no person).
 */
public class Account extends User {

    private final String personKey;
    private final String personName;

    public Account(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                   String personKey, String personName) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.personKey = personKey;
        this.personName = personName;
    }

    public String personKey() {
        return personKey;
    }

    public String personName() {
        return personName;
    }
}
