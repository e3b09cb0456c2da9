package org.casework.security.impl.internal.persistence;

import java.util.List;

/**
 * A user's two-factor state as read in one transaction. Never leaves this bundle.
 *
 * @param secret the base32 TOTP secret; null when the user never enrolled
 * @param enabled true once confirmed with a code; false while pending
 * @param lastStep the last time step a code was accepted for; null when none was
 * @param recoveryHashes SHA-256 (hex) of the recovery codes not used yet
 * @param recoveryColumn the stored recovery column as read, to replace it only if unchanged
 */
public record TotpRow(String secret, boolean enabled, Long lastStep, List<String> recoveryHashes,
        String recoveryColumn) {
}
