package org.casework.core.api.access;

import java.util.Objects;

/**
 * What the access policy needs to know of one record to decide on it. Modules build one from
 * their own record; the policy never reads another module's tables.
 *
 * @param resource the kind of record, e.g. {@code case.complaint}
 * @param id the record's identifier within the resource
 * @param ownerDivision the division that owns the record, or null when no division does
 * @param createdBy the user name of the record's creator
 * @param assignee the user name the record is assigned to, or null
 */
public record RecordRef(String resource, String id, String ownerDivision, String createdBy, String assignee) {

    public RecordRef {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(id, "id");
    }
}
