package cn.huiyisheng.app.identity;

import org.springframework.security.core.Authentication;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user: name, roles and the person the account belongs to (the key of their ID
 * number and their verified name; both null for an account with no person).
 */
public record CurrentUser(String username, Set<Role> roles, String personKey, String personName) {

    public CurrentUser(String username, Set<Role> roles, String personKey) {
        this(username, roles, personKey, null);
    }

    public static CurrentUser of(Authentication auth) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        auth.getAuthorities().forEach(a -> {
            String name = a.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // an authority that is not one of ours
                }
            }
        });
        Account account = auth.getPrincipal() instanceof Account a ? a : null;
        return new CurrentUser(auth.getName(), roles, account == null ? null : account.personKey(),
                account == null ? null : account.personName());
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", " + roles + "]"; // no personal data
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
