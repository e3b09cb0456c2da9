package org.casework.core.api.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a role's permission set, written {@code resource:action} or
 * {@code resource:action:scope}, e.g. {@code case.complaint:create},
 * {@code case.federal-litigation:read:division} or {@code audit:read}. Case types are the
 * resources {@code case.<type key>}. {@code *} in the resource or action matches any; a missing
 * scope means {@link Scope#ALL}.
 *
 * @param resource the kind of record or the platform area, e.g. {@code case.complaint}, {@code users}
 * @param action what may be done, e.g. {@code create}, {@code read}, {@code update}, {@code export}
 * @param scope which records of the resource the permission reaches
 */
public record Permission(String resource, String action, Scope scope) {

    private static final Pattern PART = Pattern.compile("\\*|[a-z][a-z0-9.-]{0,79}");

    /** Actions a read-only (external) caller keeps; every other action is taken away. */
    public static final java.util.Set<String> READ_ACTIONS = java.util.Set.of("read", "search", "export");

    public Permission {
        Objects.requireNonNull(scope, "scope");
        if (resource == null || !PART.matcher(resource).matches()) {
            throw new IllegalArgumentException("Invalid resource in permission: " + resource);
        }
        if (action == null || !PART.matcher(action).matches()) {
            throw new IllegalArgumentException("Invalid action in permission: " + action);
        }
    }

    /**
     * Parses {@code resource:action[:scope]}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Permission parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A permission is missing");
        }
        String[] parts = text.trim().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("A permission reads resource:action or resource:action:scope, not \""
                    + text + "\"");
        }
        Scope scope = Scope.ALL;
        if (parts.length == 3) {
            scope = Scope.of(parts[2]);
            if (scope == null) {
                throw new IllegalArgumentException("Unknown scope \"" + parts[2] + "\" in \"" + text
                        + "\": use all, division, assigned or own");
            }
        }
        return new Permission(parts[0], parts[1], scope);
    }

    /** Whether this permission covers the action on the resource (at some scope). */
    public boolean covers(String wantedResource, String wantedAction) {
        return (resource.equals("*") || resource.equals(wantedResource))
                && (action.equals("*") || action.equals(wantedAction));
    }

    /**
     * Whether the caller holds {@code resource:action} at any scope: administrators always do;
     * others when one of their resolved permissions covers it. Unparseable entries never match.
     */
    public static boolean held(org.casework.core.api.Caller caller, String resource, String action) {
        if (caller.isAdmin()) {
            return true;
        }
        for (String text : caller.permissions()) {
            try {
                if (parse(text).covers(resource, action)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // a malformed entry grants nothing
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return scope == Scope.ALL ? resource + ":" + action : resource + ":" + action + ":" + scope.key();
    }
}
