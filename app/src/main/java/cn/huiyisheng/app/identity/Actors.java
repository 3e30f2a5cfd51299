package cn.huiyisheng.app.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is performing what the engine is doing right now, by every path that can reach it: our
 * services bind the user around their calls ({@link ActingUser}); Camunda's webapps authenticate
 * their own user (Camunda's current authentication); a call to Camunda's REST API carries the
 * Spring Security authentication of its request. The job executor has none of them: nobody.
 * Roles and person always come from our own account table, never from what the caller says.
 */
@Component
public class Actors {

    private final IdentityService identity;
    private final Users users;

    public Actors(IdentityService identity, Users users) {
        this.identity = identity;
        this.users = users;
    }

    public Optional<CurrentUser> current() {
        Optional<CurrentUser> bound = ActingUser.bound();
        if (bound.isPresent()) {
            return bound;
        }
        Authentication camunda = identity.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            return Optional.of(users.current(camunda.getUserId()));
        }
        var spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && !(spring instanceof AnonymousAuthenticationToken)) {
            return Optional.of(spring.getPrincipal() instanceof Account ? CurrentUser.of(spring) : users.current(spring.getName()));
        }
        return Optional.empty();
    }
}
