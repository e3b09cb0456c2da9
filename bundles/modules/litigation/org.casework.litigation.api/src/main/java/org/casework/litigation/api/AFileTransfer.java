package org.casework.litigation.api;

import java.time.Instant;

/**
 * A move of the A-File. Recording one sets the case's {@code aFileLocation} to
 * {@code toLocation} in the same transaction. Transfers are history: they are neither changed nor
 * removed; a mistaken one is corrected by a further transfer.
 *
 * @param fromLocation where the file was; when not given, the case's location at the time
 * @param date the day of the move, {@code yyyy-mm-dd}, not in the future
 */
public record AFileTransfer(Long id, long caseId, Long version, String fromLocation, String toLocation,
        String date, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy)
        implements CaseSubRecord {
}
