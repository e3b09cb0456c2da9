package org.casework.persistence.internal.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One versioned script, already chosen for the running database.
 *
 * @param version the migration number {@code n} of {@code V<n>__...}
 * @param description the description part of the file name, underscores read as spaces
 * @param name the file name, used in log lines and errors
 * @param sql the script text
 */
record MigrationScript(int version, String description, String name, String sql) {

    /** The SHA-256 of the script text, lower-case hex: recorded to detect edits to applied scripts. */
    String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }
}
