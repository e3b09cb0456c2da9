package org.casework.core.api.access;

import java.time.Instant;

/**
 * One record made visible (or changeable) to one more user by its creator or an administrator.
 *
 * @param resource the kind of record, e.g. {@code case.federal-litigation}
 * @param recordId the record's identifier
 * @param grantee who gains access
 * @param action what the grantee may do: {@code read} or {@code update} (update implies read)
 * @param grantedBy who granted it
 * @param grantedAt when
 */
public record Grant(String resource, String recordId, String grantee, String action, String grantedBy,
        Instant grantedAt) {
}
