package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private static final byte[] SECRET = "a test secret of enough bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final ProofOfWork pow = new ProofOfWork(SECRET, 10, Duration.ofMinutes(30));

    @Test
    void aSolvedChallengeIsAcceptedOnceOnly() {
        ProofOfWork.Challenge challenge = pow.issue(NOW);
        String nonce = ProofOfWork.solve(challenge.token(), challenge.bits());

        assertEquals(ProofOfWork.Outcome.VALID, pow.verify(challenge.token(), nonce, NOW.plusSeconds(5)));
        assertEquals(ProofOfWork.Outcome.REPLAYED, pow.verify(challenge.token(), nonce, NOW.plusSeconds(6)));
    }

    @Test
    void anExpiredChallengeIsRefused() {
        ProofOfWork.Challenge challenge = pow.issue(NOW);
        String nonce = ProofOfWork.solve(challenge.token(), challenge.bits());

        assertEquals(ProofOfWork.Outcome.EXPIRED, pow.verify(challenge.token(), nonce, NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aNonceThatDoesNotSolveThePuzzleIsRefused() {
        ProofOfWork.Challenge challenge = pow.issue(NOW);
        String wrong = null;
        for (int i = 0; wrong == null; i++) {
            String candidate = "w" + i;
            if (ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge.token() + ":" + candidate)) < challenge.bits()) {
                wrong = candidate;
            }
        }
        assertEquals(ProofOfWork.Outcome.WRONG_NONCE, pow.verify(challenge.token(), wrong, NOW));
    }

    @Test
    void aForgedOrForeignChallengeIsRefused() {
        ProofOfWork.Challenge challenge = pow.issue(NOW);
        String[] parts = challenge.token().split("\\.");
        // an easier puzzle with a later expiry, keeping the old signature
        String forged = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + ".1." + parts[3];
        assertEquals(ProofOfWork.Outcome.MALFORMED, pow.verify(forged, ProofOfWork.solve(forged, 1), NOW));

        ProofOfWork other = new ProofOfWork("another secret, also long".getBytes(StandardCharsets.UTF_8), 10,
                Duration.ofMinutes(30));
        ProofOfWork.Challenge foreign = other.issue(NOW);
        assertEquals(ProofOfWork.Outcome.MALFORMED,
                pow.verify(foreign.token(), ProofOfWork.solve(foreign.token(), 10), NOW));
        assertEquals(ProofOfWork.Outcome.MALFORMED, pow.verify("garbage", "1", NOW));
        assertEquals(ProofOfWork.Outcome.MALFORMED, pow.verify(null, null, NOW));
    }

    @Test
    void spentChallengesAreForgottenOnceExpired() {
        ProofOfWork.Challenge first = pow.issue(NOW);
        pow.verify(first.token(), ProofOfWork.solve(first.token(), 10), NOW);
        assertEquals(1, pow.spentChallenges());

        Instant later = NOW.plus(Duration.ofHours(1));
        ProofOfWork.Challenge second = pow.issue(later);
        pow.verify(second.token(), ProofOfWork.solve(second.token(), 10), later);
        assertEquals(1, pow.spentChallenges());
    }

    @Test
    void leadingZeroBitsAreCounted() {
        assertEquals(0, ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80}));
        assertEquals(7, ProofOfWork.leadingZeroBits(new byte[] {1}));
        assertEquals(12, ProofOfWork.leadingZeroBits(new byte[] {0, 0x0f}));
        assertTrue(ProofOfWork.leadingZeroBits(ProofOfWork.sha256("x")) < 256);
    }
}
