package org.casework.litigation.api;

import java.time.Instant;

/**
 * An immigration benefit application (e.g. form I-589, I-765) with its decision and any work
 * authorisation granted.
 *
 * @param type the form or benefit, e.g. {@code I-589}
 * @param receivedDate the day it was received, not in the future
 * @param filedDate the day it was filed, not in the future
 * @param decision one of {@link CaseRecordsService#DECISIONS}; {@code PENDING} when not given
 * @param workAuthorizationGranted whether work authorisation was granted
 * @param workAuthorizationFrom first day of the authorisation (only when granted)
 * @param workAuthorizationTo last day, not before {@code workAuthorizationFrom}
 */
public record ImmigrationApplication(Long id, long caseId, Long version, String type, String receivedDate,
        String filedDate, String decision, String decisionDate, Boolean workAuthorizationGranted,
        String workAuthorizationFrom, String workAuthorizationTo, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) implements CaseSubRecord {
}
