package org.casework.security.api;

import java.time.LocalDate;

/**
 * A completed training to record for a staff member.
 *
 * @param course the key of a course in the catalogue
 * @param completedOn the day the course was completed; not in the future
 * @param validUntil the last day the completion counts; null to compute it from the course's
 *     validity
 * @param note what the completion rests on, e.g. "certificate no. 4411"; optional
 * @since 1.3
 */
public record NewTraining(String course, LocalDate completedOn, LocalDate validUntil,
        String note) {
}
