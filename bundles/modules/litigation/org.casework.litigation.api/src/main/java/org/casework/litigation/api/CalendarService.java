package org.casework.litigation.api;

import java.time.LocalDate;
import java.util.Optional;

import org.casework.core.api.Caller;
import org.casework.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hearings and due dates across cases: the calendar of an attorney (a case's attorney is the case
 * engine's assignee) or an office (the case's owning division), managers' workload views,
 * reminders before due dates and the per-user iCalendar feed.
 *
 * <p>Need-to-know holds everywhere: only entries of cases the caller may read are listed or
 * counted. Invalid input raises {@link org.casework.core.api.ValidationException} naming the
 * field; every call is audited.
 *
 * @since 1.1
 */
@ProviderType
public interface CalendarService {

    /** The permission managers need for {@link #workload}: {@code litigation.workload:read}. */
    String WORKLOAD_PERMISSION = "litigation.workload:read";

    /** The permission needed to start a reminder run by hand: {@code litigation.reminders:run}. */
    String RUN_REMINDERS_PERMISSION = "litigation.reminders:run";

    /**
     * How deep the calendar's pages reach ({@code (page + 1) * size} at most), and where its total
     * stops counting: {@value}.
     *
     * @since 1.2
     */
    int MAX_DEPTH = 10_000;

    /**
     * Hearings and due dates by date, as {@link CalendarQuery} selects them. The page's total is
     * exact up to {@link #MAX_DEPTH}; a list longer than that has the total {@code MAX_DEPTH + 1},
     * read "more than {@value #MAX_DEPTH}": no page reaches further, and counting a whole large
     * office on every page would cost more than the page itself.
     */
    Page<CalendarEntry> calendar(Caller caller, CalendarQuery query);

    /**
     * A manager's view of one attorney's or one office's work on a day: open cases, upcoming
     * hearings and overdue due dates, counted and listed (the lists cut at {@code listSize}), and
     * for an office the same counts per attorney. Needs {@link #WORKLOAD_PERMISSION}.
     *
     * @param attorney a user name, or null
     * @param office a division, or null; exactly one of the two is given
     * @param asOf the day "upcoming" and "overdue" are counted from, or null for today (UTC)
     */
    Workload workload(Caller caller, String attorney, String office, LocalDate asOf, int listSize);

    /** The reminders sent to the caller, newest first. */
    Page<Reminder> myReminders(Caller caller, int page, int size);

    /**
     * Sends the reminders due on a day that have not been sent yet, as the scheduled run does
     * every hour for today. Needs {@link #RUN_REMINDERS_PERMISSION}.
     *
     * @param asOf the day to count "days before" from, or null for today (UTC)
     * @return how many reminders were sent
     */
    int runReminders(Caller caller, LocalDate asOf);

    /**
     * Issues the caller a new calendar feed token, revoking any earlier one. The token is shown
     * only this once; only its SHA-256 is kept.
     */
    FeedToken createFeedToken(Caller caller);

    /** Revokes the caller's feed token; the feed then answers 404. Returns whether there was one. */
    boolean revokeFeedToken(Caller caller);

    /**
     * The iCalendar (RFC 5545) text of the hearings and due dates of the cases assigned to the
     * token's owner that the owner may read, from 30 days back to a year ahead; empty for an
     * unknown or revoked token, or an owner who can no longer sign in.
     */
    Optional<String> feed(String token);
}
