package org.casework.audit.api;

import java.time.Instant;

/**
 * A search of the audit trail; null criteria match everything. Results come newest first.
 *
 * @param actor the user name, or null
 * @param recordType the kind of record, or null
 * @param recordId the record's identifier, or null
 * @param action the action, or null
 * @param from entries at or after this instant, or null
 * @param to entries before this instant, or null
 * @param page the page, from 0
 * @param size entries per page, 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(String actor, String recordType, String recordId, String action,
        Instant from, Instant to, int page, int size) {

    /** The largest page size. */
    public static final int MAX_SIZE = 1000;
}
