package org.casework.core.api;

import java.time.Instant;

/**
 * One change to a case, oldest first when listed. Field changes carry old and new values as JSON
 * text; other actions carry a summary in {@code newValue}.
 *
 * @param action one of {@code created, updated, transitioned, assigned, note-added,
 *     attachment-added, linked, transferred}
 * @param field the field changed, or {@code status}/{@code assignee}/{@code ownerDivision}, or null
 */
public record HistoryEntry(long id, long caseId, Instant at, String actor, String action, String field,
        String oldValue, String newValue) {
}
