package org.casework.litigation.api;

import java.time.Instant;

/**
 * A legal memorandum: its text, or a file attached to the case, or both. A memorandum moves from
 * {@code DRAFT} to {@code FINAL} once; a final one can neither be changed nor removed.
 *
 * @param attachmentId one of the case's attachments (the engine's), or null
 * @param status {@code DRAFT} or {@code FINAL}
 * @param finalizedAt when it became final, or null
 */
public record LegalMemorandum(Long id, long caseId, Long version, String title, String body, Long attachmentId,
        String status, Instant finalizedAt, String finalizedBy, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) implements CaseSubRecord {
}
