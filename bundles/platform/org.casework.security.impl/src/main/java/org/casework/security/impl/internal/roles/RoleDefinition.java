package org.casework.security.impl.internal.roles;

import java.util.Set;
import java.util.TreeSet;

import org.casework.security.impl.internal.persistence.RoleEntity;

/**
 * A role as administrators inspect it: a named permission set with its flags.
 *
 * @param external holders are read-only everywhere, whatever else they hold
 * @param twoFactorRequired holders must sign in with a second factor once enforcement is on
 * @param builtIn shipped with the product: may be edited, not deleted
 */
public record RoleDefinition(String key, String label, String description, boolean external,
        boolean twoFactorRequired, boolean builtIn, long version, Set<String> permissions) {

    public RoleDefinition {
        permissions = Set.copyOf(permissions == null ? Set.of() : permissions);
    }

    static RoleDefinition of(RoleEntity e) {
        return new RoleDefinition(e.getKey(), e.getLabel(), e.getDescription(), e.isExternal(),
                e.isTwoFactorRequired(), e.isBuiltIn(), e.getVersion(), new TreeSet<>(e.getPermissions()));
    }
}
