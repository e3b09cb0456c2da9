package org.casework.core.api;

import java.time.Instant;

/**
 * A file attached to a case (its content is fetched separately).
 *
 * @param contentType the media type detected from the content (not merely the one claimed)
 * @param sha256 the hex SHA-256 of the content, for integrity checks
 */
public record AttachmentRecord(long id, long caseId, String fileName, String contentType, long size,
        String sha256, Instant createdAt, String createdBy) {
}
