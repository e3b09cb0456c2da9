package org.casework.security.api;

/**
 * A staff member's profile: the work e-mail and full name of the account, and what the
 * organisation records besides. Read it with {@link ProfileService#profile}.
 *
 * @param username the account the profile belongs to
 * @param fullName the account's full name (edited on the account, not here)
 * @param email the account's work e-mail address (edited on the account, not here)
 * @param title the position held, e.g. "Senior investigator"; null when not recorded
 * @param phone the office phone number; null when not recorded
 * @param manager the user name of the person's line manager; null when none
 * @param schedule the usual working days and hours; null when not recorded
 * @param version optimistic-lock version: 0 while nothing has been recorded, and an edit must
 *     send the version it read
 * @since 1.3
 */
public record StaffProfile(String username, String fullName, String email, String title,
        String phone, String manager, WorkSchedule schedule, long version) {
}
