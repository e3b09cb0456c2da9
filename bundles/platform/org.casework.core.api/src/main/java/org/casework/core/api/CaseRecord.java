package org.casework.core.api;

import java.time.Instant;
import java.util.Map;

/**
 * A case as a caller may see it: fields the caller may not read are absent from {@code fields}.
 *
 * @param id the internal id, stable for the life of the case
 * @param type the case type key
 * @param number the human-readable case number, e.g. {@code CI-2026-000042}
 * @param title the value of the type's title field, for headings and lists
 * @param status the current workflow state key
 * @param closed whether the current state marks the case inactive
 * @param version the optimistic-lock version; an edit must send the version it read
 * @param assignee the user name of the assigned person, or null
 * @param team the assigned team, or null
 * @param fields field values by key, in the JSON shapes {@link org.casework.core.api.spi.FieldType}
 *     describes
 * @param ownerDivision the division that owns the case (its need-to-know scope), or null
 * @param provenance for each authoritative-source field that has a value (and that the caller may
 *     read): where the value came from; empty when the type has no such fields
 */
public record CaseRecord(long id, String type, String number, String title, String status,
        boolean closed, long version, String assignee, String team, Map<String, Object> fields,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String ownerDivision,
        Map<String, FieldProvenance> provenance) {

    public CaseRecord {
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** A case without provenance (the shape of version 1.1 of this package). */
    public CaseRecord(long id, String type, String number, String title, String status,
            boolean closed, long version, String assignee, String team, Map<String, Object> fields,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String ownerDivision) {
        this(id, type, number, title, status, closed, version, assignee, team, fields, createdAt, createdBy,
                updatedAt, updatedBy, ownerDivision, Map.of());
    }

    /** A case no division owns (the shape of version 1.0 of this package). */
    public CaseRecord(long id, String type, String number, String title, String status,
            boolean closed, long version, String assignee, String team, Map<String, Object> fields,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        this(id, type, number, title, status, closed, version, assignee, team, fields, createdAt, createdBy,
                updatedAt, updatedBy, null);
    }
}
