package org.casework.core.api;

import java.time.Instant;

/**
 * One change to a case, oldest first when listed. Field changes carry old and new values as JSON
 * text; other actions carry a summary in {@code newValue}.
 *
 * @param action one of {@code created, updated, transitioned, assigned, note-added,
 *     attachment-added, linked, transferred, corrected} (an administrator's correction of an authoritative
 *     field), {@code source-updated} (a value from the field's owning source)
 * @param field the field changed, or {@code status}/{@code assignee}/{@code ownerDivision}, or null
 * @param detail the reason of a correction, or the source and when it gave the value; else null
 */
public record HistoryEntry(long id, long caseId, Instant at, String actor, String action, String field,
        String oldValue, String newValue, String detail) {

    /** An entry without detail (the shape of version 1.1 of this package). */
    public HistoryEntry(long id, long caseId, Instant at, String actor, String action, String field,
            String oldValue, String newValue) {
        this(id, caseId, at, actor, action, field, oldValue, newValue, null);
    }
}
