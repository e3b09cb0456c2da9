package org.casework.litigation.api;

import java.util.List;

/**
 * One attorney's or office's work on a day (see {@link CalendarService#workload}).
 *
 * @param attorney the attorney asked about, or null
 * @param office the office asked about, or null
 * @param asOf the day counted from, {@code yyyy-mm-dd}
 * @param openCases how many open cases
 * @param upcomingHearings how many hearings of open cases on or after {@code asOf}
 * @param overdueDueDates how many due dates of open cases before {@code asOf} and not completed
 * @param cases the open cases, oldest first, up to the list size
 * @param hearings the upcoming hearings, earliest first, up to the list size
 * @param overdue the overdue due dates, oldest first, up to the list size
 * @param byAttorney for an office: the same counts per attorney (null for unassigned cases),
 *     most open cases first; empty for an attorney
 */
public record Workload(String attorney, String office, String asOf, long openCases, long upcomingHearings,
        long overdueDueDates, List<CaseSummary> cases, List<CalendarEntry> hearings, List<CalendarEntry> overdue,
        List<Counts> byAttorney) {

    public Workload {
        cases = List.copyOf(cases);
        hearings = List.copyOf(hearings);
        overdue = List.copyOf(overdue);
        byAttorney = List.copyOf(byAttorney);
    }

    /** An open case in a workload list. */
    public record CaseSummary(long id, String type, String number, String title, String status, String attorney,
            String office, String openedAt) {
    }

    /** One attorney's counts within an office. */
    public record Counts(String attorney, long openCases, long upcomingHearings, long overdueDueDates) {
    }
}
