package org.casework.core.api.access;

import java.util.Locale;

/**
 * How far a permission on a kind of record reaches. Ordered from widest to narrowest: a caller
 * holding several permissions for one action gets the union of their reaches.
 */
public enum Scope {
    /** Every record of the resource. */
    ALL,
    /** Records owned by one of the caller's divisions. */
    DIVISION,
    /** Records assigned to the caller, or created by the caller. */
    ASSIGNED,
    /** Records the caller created. */
    OWN;

    /** The scope as it is written in a permission, e.g. {@code division}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a scope key; null for an unknown key. */
    public static Scope of(String key) {
        if (key == null) {
            return null;
        }
        for (Scope s : values()) {
            if (s.key().equals(key.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
