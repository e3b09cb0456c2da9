package org.casework.security.api;

/**
 * The new content of a profile, as sent to {@code PUT /users/{username}/profile}. It replaces
 * the profile as a whole: a null field clears the value.
 *
 * @param version the version of the profile the edit was based on; a stale one is refused
 * @since 1.3
 */
public record ProfileChange(Long version, String title, String phone, String manager,
        WorkSchedule schedule) {
}
