package org.casework.core.api.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.casework.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The standard figures of the case engine: how long cases live and how much effort they take,
 * per case type and owning division (office). Aggregates only: no case number, name or user name
 * appears in them. Callers need the permission {@value #PERMISSION}.
 */
@ProviderType
public interface CaseFigures {

    /** The permission ({@code resource:action}) the figures need. */
    String PERMISSION = "reports:read";

    /**
     * The life cycle of the cases closed between {@code from} and {@code to} (inclusive; either
     * may be null for open-ended): the time from opening to the last move into a closed state.
     *
     * @param type only this case type, or null for all
     * @param division only this owning division, or null for all
     * @throws org.casework.core.api.ValidationException naming {@code from}/{@code to} when to is before from,
     *     or {@code type} when the type is unknown
     */
    List<Lifecycle> lifecycle(Caller caller, String type, String division, LocalDate from, LocalDate to);

    /**
     * The effort recorded in time entries dated between {@code from} and {@code to} (inclusive;
     * either may be null), per case type and division.
     */
    List<Effort> effort(Caller caller, String type, String division, LocalDate from, LocalDate to);

    /**
     * One group's life cycle.
     *
     * @param division the owning division, or null for cases no division owns
     * @param closedCases how many cases were closed in the period
     * @param averageDays the mean time from opening to closing, in days (two decimals)
     * @param medianDays the median, in days
     * @param minDays the shortest
     * @param maxDays the longest
     */
    record Lifecycle(String type, String division, long closedCases, BigDecimal averageDays, BigDecimal medianDays,
            BigDecimal minDays, BigDecimal maxDays) {
    }

    /**
     * One group's effort.
     *
     * @param cases how many cases have time in the period
     * @param entries how many entries
     * @param totalMinutes the time in all
     * @param averageMinutesPerCase total divided by cases, rounded to whole minutes
     * @param averageHoursPerCase the same in hours (two decimals)
     */
    record Effort(String type, String division, long cases, long entries, long totalMinutes,
            long averageMinutesPerCase, BigDecimal averageHoursPerCase) {
    }
}
