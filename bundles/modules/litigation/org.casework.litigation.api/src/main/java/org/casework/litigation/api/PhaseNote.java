package org.casework.litigation.api;

import java.time.Instant;

/**
 * A note filed under a phase of the proceedings.
 *
 * @param phase one of {@link CaseRecordsService#PHASES}
 */
public record PhaseNote(Long id, long caseId, Long version, String phase, String text, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy) implements CaseSubRecord {
}
