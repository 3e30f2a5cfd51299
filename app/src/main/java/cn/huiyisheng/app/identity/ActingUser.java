package cn.huiyisheng.app.identity;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user on whose behalf this thread is working right now, bound by our own services around a
 * call into the engine (a task completion) so that the steps the engine runs know who performs
 * it. Nothing outside our code can bind it: a call through Camunda's surfaces is identified by
 * Camunda's or Spring's authentication instead ({@link Actors}).
 */
public final class ActingUser {

    private static final ThreadLocal<CurrentUser> BOUND = new ThreadLocal<>();

    private ActingUser() {
    }

    public static <T> T as(CurrentUser user, Supplier<T> work) {
        CurrentUser before = BOUND.get();
        BOUND.set(user);
        try {
            return work.get();
        } finally {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        }
    }

    public static void as(CurrentUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    static Optional<CurrentUser> bound() {
        return Optional.ofNullable(BOUND.get());
    }
}
