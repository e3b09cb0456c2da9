package org.casework.litigation.api;

import java.time.Instant;

/**
 * One hearing of a case.
 *
 * @param id the hearing's id
 * @param caseId the case it belongs to
 * @param date the day, {@code yyyy-mm-dd}
 * @param time the time of day, {@code HH:mm}, or null when not yet known
 * @param location the court or room, or null
 * @param type one of {@link LitigationService#HEARING_TYPES}
 * @param judge the judge's name, or null
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 * @param version the optimistic-lock version an edit must send back (since 1.1)
 */
public record Hearing(long id, long caseId, String date, String time, String location, String type, String judge,
        Instant createdAt, String createdBy, long version) {

    /** A hearing in the shape of version 1.0 of this package. */
    public Hearing(long id, long caseId, String date, String time, String location, String type, String judge,
            Instant createdAt, String createdBy) {
        this(id, caseId, date, time, location, type, judge, createdAt, createdBy, 0);
    }
}
