package org.casework.security.impl.internal.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 30-second steps), the
 * base32 form authenticator apps read, and recovery codes. Stateless; thread-safe.
 */
public final class Totp {

    /** Seconds per time step. */
    public static final long STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Steps either side of now that are still accepted, for clock drift and typing time. */
    public static final int TOLERANCE = 1;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
        10_000_000, 100_000_000};

    private final SecureRandom random = new SecureRandom();

    /** A new random 160-bit secret, in base32. */
    public String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return base32(key);
    }

    /** A new recovery code: ten base32 characters (50 bits) shown as {@code xxxxx-xxxxx}. */
    public String newRecoveryCode() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        String code = base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /** The stored form of a recovery code: SHA-256 of its letters and digits, in hex. */
    public static String hashRecoveryCode(String code) {
        String normal = code == null ? "" : code.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The time step an instant falls in. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The HOTP value for a key and counter, with the given number of digits (RFC 4226, 5.3). */
    public static String code(byte[] key, long counter, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /**
     * Finds the step, within {@link #TOLERANCE} of {@code now}, whose code is {@code given} and
     * which is later than {@code lastUsedStep}, so that no code is accepted twice.
     *
     * @param lastUsedStep the last step a code was accepted for; null when none was
     * @return the matching step, or empty when the code is wrong, too old or already used
     */
    public static OptionalLong verify(String base32Secret, String given, Instant now,
            Long lastUsedStep) {
        if (base32Secret == null || given == null) {
            return OptionalLong.empty();
        }
        String code = given.replace(" ", "").strip();
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] key = base32Decode(base32Secret);
        long current = step(now);
        for (long s = current - TOLERANCE; s <= current + TOLERANCE; s++) {
            boolean fresh = lastUsedStep == null || s > lastUsedStep;
            // compare every candidate in constant time, so timing does not tell which step matched
            boolean same = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && fresh) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The URI an authenticator app reads from a QR code (the Key Uri Format). */
    public static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RFC 4648 base32 without padding. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return out.toString();
    }

    /** Decodes RFC 4648 base32, ignoring case, spaces and padding. */
    public static byte[] base32Decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
