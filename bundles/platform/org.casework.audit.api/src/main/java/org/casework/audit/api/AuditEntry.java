package org.casework.audit.api;

import java.time.Instant;
import java.util.List;

/**
 * One stored audit entry.
 *
 * @param id the entry's identifier, increasing in order of insertion
 * @param position the entry's place in the hash chain, or null while it is not chained yet
 * @param at when the entry was written
 * @param actor the user name of the caller
 * @param system true when the caller was a connector or scheduled job, not a person
 * @param remoteAddress the client's address, or null
 * @param action what was done
 * @param recordType the kind of record, or null
 * @param recordId the record's identifier, or null
 * @param outcome {@code success}, {@code denied} or {@code failed}
 * @param changes the fields changed
 * @param detail free text, or null
 */
public record AuditEntry(long id, Long position, Instant at, String actor, boolean system,
        String remoteAddress, String action, String recordType, String recordId, String outcome,
        List<FieldChange> changes, String detail) {
}
