package org.casework.security.api;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as administrators see it. Never carries the password hash.
 *
 * @param version optimistic-lock version; an edit must send the version it read
 */
public record UserAccount(String username, String fullName, String email, Set<String> roles,
        Set<String> divisions, boolean active, boolean passwordChangeRequired, Instant createdAt,
        long version) {
}
