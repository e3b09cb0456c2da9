package org.casework.litigation.api;

import java.time.Instant;

/**
 * A file of the case (an engine attachment) filed under a category; an attachment is filed at
 * most once.
 *
 * @param attachmentId the engine attachment's id, from {@code /api/v1/cases/{type}/{id}/attachments}
 * @param category one of {@link CaseRecordsService#DOCUMENT_CATEGORIES}
 * @param filedDate the day it was filed with the court or served, or null
 */
public record CaseDocument(Long id, long caseId, Long version, Long attachmentId, String category, String title,
        String filedDate, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy)
        implements CaseSubRecord {
}
