package org.casework.security.impl.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Encrypts small secrets for storage with AES-256-GCM under a key held outside the database (see
 * {@link SecretKeys}). The stored form is {@code v1:<base64 iv>:<base64 ciphertext and tag>}.
 * Each value is bound to a context (for example the column and the user name) as associated
 * data, so a value copied to another row or column no longer opens. Thread-safe.
 */
@Component(service = SecretBox.class)
public final class SecretBox {

    /** The prefix of values sealed by this version of the format. */
    public static final String PREFIX = "v1:";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * The box of this installation, with the key from {@value SecretKeys#ENV} or the key file.
     *
     * @throws IllegalStateException when that key is malformed: the component does not start
     */
    @Activate
    public SecretBox() {
        byte[] k = SecretKeys.fromEnvironment();
        try {
            this.key = new SecretKeySpec(k, "AES");
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** A box with the given 256-bit key (copied). */
    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secrets key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box with a fresh random key that exists only in memory: for tests and throw-away use. */
    public static SecretBox ephemeral() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            return new SecretBox(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Whether a stored value is in the sealed form (rather than a legacy clear value). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Encrypts {@code plain} bound to {@code context}; a new random IV every time. */
    public String seal(String plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] clear = plain.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(clear);
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PREFIX + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Decrypts a value sealed by {@link #seal} with the same key and context.
     *
     * @throws SecretUnreadableException when the value is malformed, was changed, belongs to
     *     another context, or was sealed with another key
     */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            throw new SecretUnreadableException("The stored value is not in the sealed form");
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            throw new SecretUnreadableException("The stored value is malformed");
        }
        byte[] iv;
        byte[] sealed;
        try {
            iv = Base64.getDecoder().decode(parts[0]);
            sealed = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("The stored value is not valid Base64");
        }
        if (iv.length != IV_BYTES || sealed.length < TAG_BITS / 8) {
            throw new SecretUnreadableException("The stored value is malformed");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(context));
            byte[] clear = cipher.doFinal(sealed);
            try {
                return new String(clear, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException(
                    "The stored value was changed, or sealed with another key or for another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The associated data: a length prefix keeps "ab"+"c" apart from "a"+"bc". */
    private static byte[] aad(String context) {
        byte[] text = (context == null ? "" : context).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + text.length).putInt(text.length).put(text).array();
    }
}
