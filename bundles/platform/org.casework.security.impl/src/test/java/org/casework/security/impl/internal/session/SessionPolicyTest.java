package org.casework.security.impl.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.casework.security.api.Session.Kind;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    @Test
    void browserSessionsLastEightHoursApiTokensTwelve() {
        assertEquals(T0.plus(Duration.ofHours(8)), SessionPolicy.expiresAt(Kind.BROWSER, T0));
        assertEquals(T0.plus(Duration.ofHours(12)), SessionPolicy.expiresAt(Kind.API, T0));
    }

    @Test
    void browserSessionEndsAfterThirtyIdleMinutes() {
        Instant end = SessionPolicy.expiresAt(Kind.BROWSER, T0);
        assertTrue(SessionPolicy.isValid(Kind.BROWSER, T0, end, T0.plus(Duration.ofMinutes(29))));
        assertFalse(SessionPolicy.isValid(Kind.BROWSER, T0, end, T0.plus(Duration.ofMinutes(30))));
        // used recently: alive again
        Instant seen = T0.plus(Duration.ofMinutes(25));
        assertTrue(SessionPolicy.isValid(Kind.BROWSER, seen, end, T0.plus(Duration.ofMinutes(50))));
    }

    @Test
    void browserSessionEndsAtEightHoursEvenWhenBusy() {
        Instant end = SessionPolicy.expiresAt(Kind.BROWSER, T0);
        Instant justBefore = end.minusSeconds(1);
        assertTrue(SessionPolicy.isValid(Kind.BROWSER, justBefore, end, justBefore));
        assertFalse(SessionPolicy.isValid(Kind.BROWSER, end, end, end));
    }

    @Test
    void apiTokensDoNotIdleOut() {
        Instant end = SessionPolicy.expiresAt(Kind.API, T0);
        assertTrue(SessionPolicy.isValid(Kind.API, T0, end, T0.plus(Duration.ofHours(11))));
        assertFalse(SessionPolicy.isValid(Kind.API, T0, end, T0.plus(Duration.ofHours(12))));
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        assertFalse(SessionPolicy.needsTouch(T0, T0.plusSeconds(59)));
        assertTrue(SessionPolicy.needsTouch(T0, T0.plusSeconds(60)));
    }

    @Test
    void tokensAreRandomAndStoredOnlyAsSha256() {
        Tokens tokens = new Tokens();
        String a = tokens.newToken();
        assertEquals(43, a.length());
        assertNotEquals(a, tokens.newToken());
        assertEquals(64, Tokens.hash(a).length());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Tokens.hash("abc"));
    }
}
