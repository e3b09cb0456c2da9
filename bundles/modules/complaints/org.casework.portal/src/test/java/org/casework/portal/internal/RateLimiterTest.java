package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAddressIsRefusedAfterTheLimitUntilItsOldestRequestLeavesTheWindow() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.1", T0));
        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.1", T0.plusSeconds(60)));
        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.1", T0.plusSeconds(120)));

        assertEquals(Duration.ofSeconds(420), limiter.acquire("10.0.0.1", T0.plusSeconds(180)));
        // refused requests are not counted: the wait does not grow
        assertEquals(Duration.ofSeconds(360), limiter.acquire("10.0.0.1", T0.plusSeconds(240)));

        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.1", T0.plusSeconds(600)));
        assertEquals(Duration.ofSeconds(60), limiter.acquire("10.0.0.1", T0.plusSeconds(600)));
    }

    @Test
    void addressesAreCountedApart() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.1", T0));
        assertEquals(Duration.ZERO, limiter.acquire("10.0.0.2", T0));
        assertEquals(Duration.ofSeconds(60), limiter.acquire("10.0.0.1", T0));
    }

    @Test
    void theWaitIsNeverBelowOneSecond() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10));
        limiter.acquire("a", T0);
        assertEquals(Duration.ofSeconds(1), limiter.acquire("a", T0.plusMillis(9_900)));
    }
}
