package org.casework.rest.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.casework.core.api.Caller;

/**
 * Remembers successful Basic sign-ins for a short while, because checking a PBKDF2 hash on every
 * request would cost a fifth of a second each. Keys are an HMAC of the credentials under a key
 * that lives only in this object, so the cache holds nothing a password could be recovered from.
 * A password change or deactivation therefore reaches Basic clients within {@link #ttl}.
 */
public final class BasicCredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Caller caller, Instant expiresAt) {
    }

    public BasicCredentialCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        new SecureRandom().nextBytes(key);
    }

    /** The caller these credentials authenticated within the last {@code ttl}, if any. */
    public Optional<Caller> get(String credentials) {
        String k = hash(credentials);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.expiresAt().isAfter(clock.instant())) {
            entries.remove(k, e);
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    /** Records a successful check of these credentials. */
    public void put(String credentials, Caller caller) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(hash(credentials), new Entry(caller, now.plus(ttl)));
    }

    /** Forgets everything, e.g. when the authentication service changes. */
    public void clear() {
        entries.clear();
    }

    private String hash(String credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
