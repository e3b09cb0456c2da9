package org.casework.litigation.api;

import java.time.Instant;

/**
 * A date by which a pleading or motion is due in a case.
 *
 * @param id the due date's id
 * @param caseId the case it belongs to
 * @param type one of {@link LitigationService#DUE_DATE_TYPES}
 * @param date the day it is due, {@code yyyy-mm-dd}
 * @param description what is due, or null
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record DueDate(long id, long caseId, String type, String date, String description, Instant createdAt,
        String createdBy) {
}
