package org.casework.core.api;

import java.util.List;

/**
 * The edit was based on an older version of the record than the one stored: someone else changed
 * it first. Nothing was written. HTTP 409; the client re-reads and re-applies its change.
 */
public class ConflictException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public ConflictException(long sentVersion, long currentVersion) {
        super(409, "conflict", "The record was changed by someone else (you edited version "
                + sentVersion + ", the current version is " + currentVersion + ").",
                List.of(new FieldError("version", "stale",
                        "The current version is " + currentVersion + ".")));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
