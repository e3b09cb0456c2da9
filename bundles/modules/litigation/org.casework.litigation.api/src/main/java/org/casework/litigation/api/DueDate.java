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
 * @param completed whether what was due has been done: no more reminders, never overdue (since 1.1)
 * @param version the optimistic-lock version an edit must send back (since 1.1)
 */
public record DueDate(long id, long caseId, String type, String date, String description, Instant createdAt,
        String createdBy, boolean completed, long version) {

    /** A due date in the shape of version 1.0 of this package. */
    public DueDate(long id, long caseId, String type, String date, String description, Instant createdAt,
            String createdBy) {
        this(id, caseId, type, date, description, createdAt, createdBy, false, 0);
    }
}
