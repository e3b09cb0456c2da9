package org.casework.litigation.api;

import java.time.Instant;

/**
 * An action taken in the proceedings and its disposition, at one level.
 *
 * @param level one of {@link CaseRecordsService#LEVELS}
 * @param date the day of the action, {@code yyyy-mm-dd}, not in the future
 * @param action what was done, e.g. "Motion to reopen filed"
 * @param disposition how it was decided, e.g. "Denied", or null while pending
 * @param decisionMaker the judge, board member or court, or null
 */
public record ProceedingAction(Long id, long caseId, Long version, String level, String date, String action,
        String disposition, String decisionMaker, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy) implements CaseSubRecord {
}
