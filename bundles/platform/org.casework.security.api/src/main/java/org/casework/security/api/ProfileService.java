package org.casework.security.api;

import java.util.List;
import java.util.Optional;

import org.casework.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff profiles and trainings, and the warnings about mandatory trainings that are missing or
 * run out. Every method checks the caller: a profile or its trainings the caller may not read
 * answers as if the account did not exist; a change the caller may not make gets
 * {@link org.casework.core.api.ForbiddenException}; invalid input a
 * {@link org.casework.core.api.ValidationException} naming each field. Every change and every
 * refusal is audited.
 *
 * <p>A person may read their own profile and trainings; so may their manager (as recorded in the
 * profile), administrators and helpdesk staff.
 *
 * @since 1.3
 */
@ProviderType
public interface ProfileService {

    /**
     * The profile of an account; empty when there is no such account or the caller may not read
     * it. An account whose profile was never edited has one with version 0.
     */
    Optional<StaffProfile> profile(Caller caller, String username);

    /**
     * Replaces a profile. Administrators may change every field; people may change their own
     * phone and schedule, but not their title or manager. The manager must be another existing
     * account, and may not be managed (directly or further up) by the person.
     *
     * @throws org.casework.core.api.ConflictException when {@code change.version()} is stale
     * @throws org.casework.core.api.NotFoundException when there is no such account, or the
     *     caller may not read it
     */
    StaffProfile updateProfile(Caller caller, String username, ProfileChange change);

    /** The configured training courses, mandatory ones first. */
    List<TrainingCourse> courses();

    /**
     * The recorded trainings of a person, latest completion first.
     *
     * @throws org.casework.core.api.NotFoundException when there is no such account, or the
     *     caller may not read it
     */
    List<TrainingRecord> trainings(Caller caller, String username);

    /**
     * Records a completed training. Administrators and the person's manager may; people may not
     * certify their own trainings.
     *
     * @throws org.casework.core.api.NotFoundException when there is no such account, or the
     *     caller may not read it
     */
    TrainingRecord recordTraining(Caller caller, String username, NewTraining training);

    /**
     * Removes a training record entered in error; administrators only.
     *
     * @throws org.casework.core.api.NotFoundException when the person has no such record
     */
    void deleteTraining(Caller caller, String username, long id);

    /**
     * The caller's warnings about mandatory trainings that are missing, expired or expire soon,
     * followed by those of the active people the caller manages directly.
     */
    List<TrainingWarning> warnings(Caller caller);
}
