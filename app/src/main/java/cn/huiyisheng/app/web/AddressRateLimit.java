package cn.huiyisheng.app.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests a minute from one client address (fixed one-minute windows), for
 * what anyone may call without signing in (the calculator's evaluation). Kept in this node's
 * memory: behind a load balancer each node counts its own share, which is what a limit against one
 * client hammering a node needs; the windows of a minute ago are dropped as the next one starts.
 */
public final class AddressRateLimit {

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window = -1;

    public AddressRateLimit(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request a minute, not " + limit);
        }
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts a request from this address; false when it is over the limit for this minute. */
    public boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        if (minute != window) {
            synchronized (this) {
                if (minute != window) {
                    counts.clear();
                    window = minute;
                }
            }
        }
        return counts.computeIfAbsent(address == null ? "" : address, a -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
