package org.casework.core.api.work;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The office-wide lock on time entries: an entry dated on or before {@link #lockDate()} can no
 * longer be added, changed or deleted.
 *
 * @param lockDate the date in force: the later of {@code setDate} and the rolling date, or null
 *     when nothing is locked
 * @param setDate the date a manager set, or null
 * @param rollingDays the configured rolling lock (entries older than this many days are frozen),
 *     0 when off
 * @param setAt when a manager last set the date, or null
 * @param setBy who set it, or null
 */
public record TimeLock(LocalDate lockDate, LocalDate setDate, int rollingDays, Instant setAt, String setBy) {
}
