package org.casework.security.impl.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random session tokens and the hashes under which they are stored. Thread-safe. */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;
    /** Longer presented tokens are not ours: refuse them without hashing. */
    public static final int MAX_TOKEN_LENGTH = 128;

    /** What a session id looks like: 128 random bits in lower-case hex. */
    public static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();

    /** A new opaque session id, unrelated to the token, so showing it gives nothing away. */
    public String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A new 256-bit token, URL-safe Base64 without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token, lower-case hex: what the database keeps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
