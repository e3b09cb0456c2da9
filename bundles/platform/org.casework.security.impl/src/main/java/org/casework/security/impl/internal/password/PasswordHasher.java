package org.casework.security.impl.internal.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, encoded self-describing as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in unpadded Base64), so the cost
 * can be raised later without invalidating stored hashes. Thread-safe.
 */
public final class PasswordHasher {

    /** The cost of new hashes: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the user is unknown, so that case costs as much as a wrong password. */
    private final String dummyHash;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher with another cost; tests use a low one. */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
        this.dummyHash = hash("not a real password".toCharArray());
    }

    /** A new hash of the password with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(hash);
    }

    /**
     * Whether the password matches the encoded hash. Malformed hashes never match. The comparison
     * takes the same time wherever the first difference is.
     */
    public boolean verify(char[] password, String encoded) {
        if (encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int cost = Integer.parseInt(parts[1]);
            if (cost < 1 || cost > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(password, salt, cost);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time a real check would, for an unknown or inactive user; always false. */
    public boolean verifyDummy(char[] password) {
        verify(password, dummyHash);
        return false;
    }

    /** Whether a stored hash was made with a lower cost than today's (so could be renewed). */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int cost) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, cost, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Wipes a password from memory once it is no longer needed. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
