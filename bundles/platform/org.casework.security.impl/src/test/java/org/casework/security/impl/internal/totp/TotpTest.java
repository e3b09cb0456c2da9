package org.casework.security.impl.internal.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA1) vectors, step tolerance, replay refusal and base32. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_SECRET = Totp.base32(RFC_KEY);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471",
        "1234567890, 89005924", "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Sha1Vectors(long seconds, String expected) {
        assertEquals(expected, Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 8));
        // the six-digit code is the low six digits
        assertEquals(expected.substring(2),
                Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 6));
    }

    @Test
    void base32RoundTrips() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_SECRET);
        assertArrayEquals(RFC_KEY, Totp.base32Decode(RFC_SECRET.toLowerCase()));
    }

    @Test
    void acceptsOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertEquals(OptionalLong.of(s),
                    Totp.verify(RFC_SECRET, Totp.code(RFC_KEY, s, 6), now, null));
        }
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_KEY, step - 2, 6), now, null).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_KEY, step + 2, 6), now, null).isEmpty());
    }

    @Test
    void refusesACodeOfAStepAlreadyUsedOrEarlier() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step, 6);
        assertEquals(OptionalLong.of(step), Totp.verify(RFC_SECRET, code, now, step - 1));
        assertTrue(Totp.verify(RFC_SECRET, code, now, step).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_KEY, step - 1, 6), now, step).isEmpty());
        assertEquals(OptionalLong.of(step + 1),
                Totp.verify(RFC_SECRET, Totp.code(RFC_KEY, step + 1, 6), now, step));
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        for (String bad : new String[] {"", "12345", "1234567", "abcdef", "28708a"}) {
            assertTrue(Totp.verify(RFC_SECRET, bad, now, null).isEmpty(), bad);
        }
    }

    @Test
    void recoveryCodesAreRandomAndHashIgnoringLayout() {
        Totp totp = new Totp();
        String code = totp.newRecoveryCode();
        assertTrue(code.matches("[a-z2-7]{5}-[a-z2-7]{5}"), code);
        assertNotEquals(code, totp.newRecoveryCode());
        assertEquals(Totp.hashRecoveryCode(code),
                Totp.hashRecoveryCode(code.replace("-", " ").toUpperCase()));
        assertTrue(Totp.otpauthUri("Casework", "sam", RFC_SECRET)
                .startsWith("otpauth://totp/Casework:sam?secret=" + RFC_SECRET));
    }
}
