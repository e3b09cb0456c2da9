package org.casework.litigation.api;

/**
 * What {@link CalendarService#calendar} lists. At most one of attorney and office; with neither,
 * the caller's own calendar (cases assigned to the caller).
 *
 * @param attorney the user name of the attorney (the cases' assignee), or null
 * @param office the owning division, or null
 * @param from the first day, {@code yyyy-mm-dd}; null for today (UTC)
 * @param to the last day, {@code yyyy-mm-dd}; null for a year after {@code from}
 * @param kind {@code hearing}, {@code due-date}, or null for both
 * @param includeClosed whether entries of closed cases are listed too
 * @param page zero-based page
 * @param size 1 to 200
 * @param ascending by date (then time), earliest first when true
 */
public record CalendarQuery(String attorney, String office, String from, String to, String kind,
        boolean includeClosed, int page, int size, boolean ascending) {
}
