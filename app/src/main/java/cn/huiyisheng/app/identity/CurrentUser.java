package cn.huiyisheng.app.identity;

import org.springframework.security.core.Authentication;

import java.util.EnumSet;
import java.util.Set;

/** The signed-in user's name and roles. */
public record CurrentUser(String username, Set<Role> roles) {

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
        return new CurrentUser(auth.getName(), roles);
    }
}
