package org.casework.audit.impl.internal.alerts;

import java.time.Instant;

/** The parts of a committed audit entry the alert rules read. */
public record Entry(long id, Instant at, String actor, boolean system, String remoteAddress, String action,
        String recordType, String recordId, String outcome) {
}
