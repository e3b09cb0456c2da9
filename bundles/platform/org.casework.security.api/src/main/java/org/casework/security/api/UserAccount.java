package org.casework.security.api;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as administrators see it. Never carries the password hash.
 *
 * @param version optimistic-lock version; an edit must send the version it read
 * @param failedSignIns consecutive failed sign-ins since the last success or lock
 * @param lockedUntil while in the future, sign-in is refused even with the right password; null
 *     when the account has not been locked
 */
public record UserAccount(String username, String fullName, String email, Set<String> roles,
        Set<String> divisions, boolean active, boolean passwordChangeRequired, Instant createdAt,
        long version, int failedSignIns, Instant lockedUntil) {

    /** An account that has never been locked (the shape of version 1.0 of this package). */
    public UserAccount(String username, String fullName, String email, Set<String> roles,
            Set<String> divisions, boolean active, boolean passwordChangeRequired,
            Instant createdAt, long version) {
        this(username, fullName, email, roles, divisions, active, passwordChangeRequired,
                createdAt, version, 0, null);
    }

    /** Whether sign-in is refused at {@code now} because of too many failures. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
