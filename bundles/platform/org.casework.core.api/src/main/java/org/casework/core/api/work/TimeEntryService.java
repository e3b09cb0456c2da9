package org.casework.core.api.work;

import java.time.LocalDate;

import org.casework.core.api.Caller;
import org.casework.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Time spent on cases of any type, per person. Each method is one transaction (joining the
 * caller's when there is one), is audited, and checks need-to-know on the case: reading needs read
 * access to the case, writing needs update access. An entry may be changed or deleted only by the
 * person it belongs to or a time manager (permission {@value #MANAGE}). Entries dated on or before
 * the lock date ({@link #lock(Caller)}) are frozen: adding, changing or deleting one is refused
 * with a {@link org.casework.core.api.ValidationException} naming {@code workDate}.
 */
@ProviderType
public interface TimeEntryService {

    /** The permission ({@code resource:action}) of time managers. */
    String MANAGE = "time-entries:manage";

    /** The sort keys {@link #list} accepts. */
    java.util.Set<String> SORTS = java.util.Set.of("workDate", "person", "minutes", "createdAt");

    /**
     * A page of the case's entries.
     *
     * @param person only this person's entries, or null for everyone's
     * @param sort one of {@link #SORTS}; null sorts by {@code workDate}
     */
    Page<TimeEntry> list(Caller caller, String type, long caseId, String person, int page, int size, String sort,
            boolean ascending);

    TimeEntry add(Caller caller, String type, long caseId, TimeEntryInput input);

    /**
     * Changes an entry.
     *
     * @param version the version the caller read; a different one raises
     *     {@link org.casework.core.api.ConflictException}
     */
    TimeEntry update(Caller caller, String type, long caseId, long entryId, long version, TimeEntryInput input);

    void delete(Caller caller, String type, long caseId, long entryId);

    /** The case's totals, in all and per person. */
    TimeTotals totals(Caller caller, String type, long caseId);

    /** The lock in force now; any signed-in user may read it. */
    TimeLock lock(Caller caller);

    /**
     * Sets (or, with null, clears) the lock date; time managers only, audited with the old and
     * new date.
     *
     * @throws org.casework.core.api.ForbiddenException for anyone else
     * @throws org.casework.core.api.ValidationException naming {@code lockDate} for a date in the future
     */
    TimeLock setLock(Caller caller, LocalDate lockDate);
}
