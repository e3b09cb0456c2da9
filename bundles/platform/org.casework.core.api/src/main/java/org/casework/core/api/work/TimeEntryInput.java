package org.casework.core.api.work;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new or changed time entry. The duration is given either in {@code minutes} or in
 * {@code hours} (a decimal, e.g. 1.5), never both.
 *
 * @param workDate the day worked; required, not in the future, after the lock date
 * @param minutes whole minutes, or null when {@code hours} is given
 * @param hours decimal hours, or null when {@code minutes} is given
 * @param activity what was done; required, at most 500 characters
 * @param person whose time it is; null means the caller. Only a time manager may name someone else
 */
public record TimeEntryInput(LocalDate workDate, Integer minutes, BigDecimal hours, String activity, String person) {
}
