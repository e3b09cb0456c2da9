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
 */
public record Hearing(long id, long caseId, String date, String time, String location, String type, String judge,
        Instant createdAt, String createdBy) {
}
