package org.casework.security.impl.internal.roles;

import java.util.Set;

/**
 * A role as an administrator sends it to {@code PUT /roles/{key}}.
 *
 * @param version the version the edit was based on; null to create the role
 */
public record RoleChange(Long version, String label, String description, boolean external,
        boolean twoFactorRequired, Set<String> permissions) {
}
