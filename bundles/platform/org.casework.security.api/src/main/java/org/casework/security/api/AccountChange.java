package org.casework.security.api;

import java.util.Set;

/**
 * An edit of an account, as sent to {@code PATCH /users/{username}}. A null field stays as it is.
 *
 * @param version the version of the account the edit was based on; a stale one is refused
 * @param active false deactivates the account and ends all its sessions at once
 */
public record AccountChange(Long version, String fullName, String email, Set<String> roles,
        Set<String> divisions, Boolean active) {
}
