package org.casework.portal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per network address in a sliding window. Kept in memory of one node: behind
 * a load balancer each node counts on its own, which only makes the limit per node.
 */
final class RateLimiter {

    /** Past this many tracked addresses, idle ones are dropped before a new one is added. */
    static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /**
     * Counts one request from {@code address} at {@code now}.
     *
     * @return {@link Duration#ZERO} when the request may go on; otherwise how long the address
     *     must wait until its oldest counted request leaves the window (the request is not counted)
     */
    Duration acquire(String address, Instant now) {
        if (hits.size() >= MAX_TRACKED && !hits.containsKey(address)) {
            evictIdle(now);
        }
        Deque<Instant> times = hits.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            Instant horizon = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
            }
            times.addLast(now);
            return Duration.ZERO;
        }
    }

    int trackedAddresses() {
        return hits.size();
    }

    private void evictIdle(Instant now) {
        Instant horizon = now.minus(window);
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = hits.entrySet().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || !times.peekLast().isAfter(horizon)) {
                    it.remove();
                }
            }
        }
    }
}
