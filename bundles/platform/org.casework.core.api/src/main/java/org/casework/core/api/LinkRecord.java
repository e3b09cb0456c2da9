package org.casework.core.api;

import java.time.Instant;

/**
 * A link between two cases, seen from {@code caseId}.
 *
 * @param relation what the link means, e.g. {@code related}, {@code duplicate-of}, {@code follows}
 * @param otherNumber the linked case's number, or null when the caller may not see it
 */
public record LinkRecord(long id, long caseId, long otherCaseId, String otherType, String otherNumber,
        String relation, Instant createdAt, String createdBy) {
}
