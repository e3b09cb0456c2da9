package org.casework.litigation.api;

import java.time.Instant;

/**
 * A reminder of a due date sent to a user (by e-mail when they have an address, and always on
 * the console's list).
 *
 * @param id the reminder's id
 * @param dueDateId the due date reminded of
 * @param caseId the case
 * @param caseNumber the case number
 * @param type the due date's type
 * @param dueOn the day it is due, {@code yyyy-mm-dd}
 * @param description the due date's description, or null
 * @param daysBefore the configured lead time this reminder was sent for
 * @param sentAt when it was sent
 * @param emailed whether an e-mail was sent as well
 */
public record Reminder(long id, long dueDateId, long caseId, String caseNumber, String type, String dueOn,
        String description, int daysBefore, Instant sentAt, boolean emailed) {
}
