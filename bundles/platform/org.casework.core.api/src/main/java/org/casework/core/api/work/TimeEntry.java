package org.casework.core.api.work;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Time one person spent on one case on one day.
 *
 * @param id the entry's id
 * @param caseId the case the time was spent on
 * @param caseType the case's type key
 * @param person the user name of the person who did the work
 * @param workDate the day the work was done
 * @param minutes how long, in whole minutes (1 to 1440)
 * @param activity what was done, in a few words
 * @param version the optimistic-lock version; a change must send the version it read
 */
public record TimeEntry(long id, long caseId, String caseType, String person, LocalDate workDate, int minutes,
        String activity, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
