package org.casework.audit.impl.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.casework.audit.impl.internal.persistence.AuditEntryEntity;

/** The canonical form of an entry and the SHA-256 hashes of entries and of the chain. */
public final class Hashes {

    /** The chain hash before position 1. */
    public static final String GENESIS = "0".repeat(64);

    private Hashes() {
    }

    /**
     * SHA-256 (hex) of the entry's canonical content: every stored column but the hash itself,
     * each as its length and text (or {@code -} for null), so no two contents share a form.
     */
    public static String entryHash(AuditEntryEntity e) {
        StringBuilder b = new StringBuilder("v1");
        for (Object v : new Object[] {e.getId(), e.getAt() == null ? null : e.getAt().toEpochMilli(),
            e.getActor(), e.isSystemCaller(), e.getRemoteAddress(), e.getAction(), e.getRecordType(),
            e.getRecordId(), e.getOutcome(), e.getChanges(), e.getDetail()}) {
            if (v == null) {
                b.append("|-");
            } else {
                String s = v.toString();
                b.append('|').append(s.length()).append(':').append(s);
            }
        }
        return sha256(b.toString());
    }

    /** SHA-256 (hex) of the previous chain hash followed by the entry hash. */
    public static String chainHash(String previous, String entryHash) {
        return sha256(previous + entryHash);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
