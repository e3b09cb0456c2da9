package org.casework.security.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded completion of a course by a staff member.
 *
 * @param id the record's identifier
 * @param username whose training it is
 * @param course the course key
 * @param courseTitle the course's title in the current catalogue (the key when the course has
 *     since been removed from it)
 * @param completedOn the day the course was completed
 * @param validUntil the last day the completion counts; null when it never expires
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 * @param note what the completion rests on; null when none was given
 * @since 1.3
 */
public record TrainingRecord(long id, String username, String course, String courseTitle,
        LocalDate completedOn, LocalDate validUntil, String recordedBy, Instant recordedAt,
        String note) {
}
