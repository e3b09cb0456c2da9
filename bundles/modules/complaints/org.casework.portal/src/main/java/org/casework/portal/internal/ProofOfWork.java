package org.casework.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small proof of work in place of a CAPTCHA: the server hands out a signed challenge
 * {@code <id>.<expiresEpochSecond>.<bits>.<signature>}; the browser finds a nonce such that
 * SHA-256 of {@code <challenge>:<nonce>} starts with {@code bits} zero bits. The server checks the
 * signature, the expiry, the hash, and that the challenge was not used before.
 */
final class ProofOfWork {

    /** What a check found. */
    enum Outcome { VALID, MALFORMED, EXPIRED, REPLAYED, WRONG_NONCE }

    /** A challenge as the browser receives it. */
    record Challenge(String token, int bits, Instant expiresAt) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final int bits;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    /** Challenges already spent, until they expire. */
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    ProofOfWork(byte[] secret, int bits, Duration ttl) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The challenge secret needs at least 16 bytes");
        }
        if (bits < 1 || bits > 30) {
            throw new IllegalArgumentException("bits must be 1 to 30");
        }
        this.secret = secret.clone();
        this.bits = bits;
        this.ttl = ttl;
    }

    Challenge issue(Instant now) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant expires = now.plus(ttl);
        String body = B64.encodeToString(id) + "." + expires.getEpochSecond() + "." + bits;
        return new Challenge(body + "." + sign(body), bits, expires);
    }

    /** Checks {@code nonce} against {@code token} and, when valid, spends the challenge. */
    Outcome verify(String token, String nonce, Instant now) {
        if (token == null || nonce == null || nonce.isEmpty() || nonce.length() > 64 || token.length() > 200) {
            return Outcome.MALFORMED;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return Outcome.MALFORMED;
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.MALFORMED;
        }
        Instant expires;
        int required;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            required = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return Outcome.MALFORMED;
        }
        if (!now.isBefore(expires)) {
            return Outcome.EXPIRED;
        }
        if (leadingZeroBits(sha256(token + ":" + nonce)) < required) {
            return Outcome.WRONG_NONCE;
        }
        forgetExpired(now);
        if (used.putIfAbsent(parts[0], expires) != null) {
            return Outcome.REPLAYED;
        }
        return Outcome.VALID;
    }

    /** Finds a nonce for {@code token}: what the browser does, for tests and tools. */
    static String solve(String token, int bits) {
        for (long n = 0; ; n++) {
            String nonce = Long.toString(n, 36);
            if (leadingZeroBits(sha256(token + ":" + nonce)) >= bits) {
                return nonce;
            }
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int count = 0;
        for (byte b : hash) {
            if (b == 0) {
                count += 8;
                continue;
            }
            return count + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return count;
    }

    int spentChallenges() {
        return used.size();
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Instant> it = used.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next())) {
                it.remove();
            }
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
