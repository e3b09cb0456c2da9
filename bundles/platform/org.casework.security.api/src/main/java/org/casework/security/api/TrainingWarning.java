package org.casework.security.api;

import java.time.LocalDate;

/**
 * A mandatory training a staff member lacks, or holds only until soon.
 *
 * @param username whose training it is
 * @param fullName that person's full name; null when the account has none
 * @param course the course key
 * @param courseTitle the course's title
 * @param status {@link #MISSING}, {@link #EXPIRED} or {@link #EXPIRING}
 * @param expiresOn the last valid day of the latest completion; null when missing
 * @param own true when the warning is about the caller, false when about one of their reports
 * @since 1.3
 */
public record TrainingWarning(String username, String fullName, String course,
        String courseTitle, String status, LocalDate expiresOn, boolean own) {

    /** The course was never completed. */
    public static final String MISSING = "missing";

    /** The latest completion is no longer valid. */
    public static final String EXPIRED = "expired";

    /** The latest completion is still valid, but not for much longer. */
    public static final String EXPIRING = "expiring";
}
