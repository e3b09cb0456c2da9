package org.casework.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the current value of an authoritative-source field came from (see
 * {@link org.casework.core.api.spi.FieldDefinition#authoritativeSource()}). Stored with the case,
 * replaced each time the value is set, and returned beside the value.
 *
 * @param source the name of the external system that owns the field, e.g. {@code EID}
 * @param origin how the value was set
 * @param fetchedAt for {@link Origin#SOURCE}: when the source system gave the value; else null
 * @param recordedAt when Casework stored the value
 * @param recordedBy who stored it: the user who entered or corrected it, or the connector's
 *     system name
 * @param reason for {@link Origin#CORRECTED}: the administrator's reason; else null
 */
public record FieldProvenance(String source, Origin origin, Instant fetchedAt, Instant recordedAt,
        String recordedBy, String reason) {

    public FieldProvenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    /** How an authoritative value was set. */
    public enum Origin {
        /**
         * Entered by a user when the case was opened; provisional until the owning source
         * confirms or replaces it.
         */
        ENTERED,
        /** Supplied by the owning source system. */
        SOURCE,
        /** Set by an administrator, with a reason, over what the source said. */
        CORRECTED
    }

    /** Whether the owning source has not (yet) given this value. */
    public boolean provisional() {
        return origin == Origin.ENTERED;
    }
}
