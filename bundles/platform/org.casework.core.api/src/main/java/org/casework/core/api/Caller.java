package org.casework.core.api;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated party behind a request: a person signed in, or a system-to-system connector.
 * Immutable; every service that reads or changes a record receives one and checks it.
 *
 * @param username the unique sign-in name
 * @param displayName the name shown to other users
 * @param roles the role keys held (see {@link Roles})
 * @param divisions the divisions (organisational units) the caller belongs to
 * @param system true when the caller is a connector or scheduled job acting without a person
 * @param passwordChangeRequired true while the caller signed in with a generated password and
 *     must choose a new one before doing anything else
 * @param permissions the union of the permission sets of the caller's roles, as
 *     {@code resource:action[:scope]} strings (see {@link org.casework.core.api.access.Permission});
 *     resolved by the security bundle at sign-in, already narrowed to read-only actions when one of
 *     the roles is external
 */
public record Caller(String username, String displayName, Set<String> roles, Set<String> divisions,
        boolean system, boolean passwordChangeRequired, Set<String> permissions) implements Principal {

    public Caller {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null ? username : displayName;
        roles = Set.copyOf(roles == null ? Set.of() : roles);
        divisions = Set.copyOf(divisions == null ? Set.of() : divisions);
        permissions = Set.copyOf(permissions == null ? Set.of() : permissions);
    }

    /** A caller without resolved permissions (version 1.0 of this package): roles decide alone. */
    public Caller(String username, String displayName, Set<String> roles, Set<String> divisions,
            boolean system, boolean passwordChangeRequired) {
        this(username, displayName, roles, divisions, system, passwordChangeRequired, Set.of());
    }

    /** The same caller with its permissions resolved. */
    public Caller withPermissions(Set<String> resolved) {
        return new Caller(username, displayName, roles, divisions, system, passwordChangeRequired, resolved);
    }

    /** A caller that stands for the platform itself, e.g. during migrations or scheduled jobs. */
    public static Caller system(String name) {
        return new Caller(name, name, Set.of(Roles.ADMIN), Set.of(), true, false);
    }

    @Override
    public String getName() {
        return username;
    }

    /** Whether the caller holds the role; administrators hold every role. */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }

    /** Whether the caller holds at least one of the roles (administrators always do). */
    public boolean hasAnyRole(Set<String> wanted) {
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller belongs to at least one of the divisions. */
    public boolean inAnyDivision(Set<String> wanted) {
        for (String d : wanted) {
            if (divisions.contains(d)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
