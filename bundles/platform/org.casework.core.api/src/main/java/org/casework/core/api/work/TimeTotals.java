package org.casework.core.api.work;

import java.util.List;

/**
 * The time spent on one case, in all and per person.
 *
 * @param caseId the case
 * @param entries how many entries there are
 * @param totalMinutes the sum of every entry
 * @param byPerson one line per person, most time first
 */
public record TimeTotals(long caseId, long entries, long totalMinutes, List<PersonTotal> byPerson) {

    public TimeTotals {
        byPerson = List.copyOf(byPerson);
    }

    /** One person's time on the case. */
    public record PersonTotal(String person, long entries, long minutes) {
    }
}
