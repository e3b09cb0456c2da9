package org.casework.litigation.api;

import java.time.Instant;

/**
 * A visa application and, once issued, the visa.
 *
 * @param visaType the visa class, e.g. {@code B-2}
 * @param status one of {@link CaseRecordsService#VISA_STATUSES}
 * @param applicationDate the day applied for, not in the future
 * @param issueDate the day issued, not before the application
 * @param expiryDate the day it expires, not before the issue date
 */
public record VisaRecord(Long id, long caseId, Long version, String visaType, String status, String visaNumber,
        String applicationDate, String issueDate, String expiryDate, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) implements CaseSubRecord {
}
