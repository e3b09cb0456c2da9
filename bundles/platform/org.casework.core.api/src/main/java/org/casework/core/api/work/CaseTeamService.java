package org.casework.core.api.work;

import java.time.LocalDate;
import java.util.List;

import org.casework.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The people working on a case (each in a role) and its dated events, for cases of any type.
 * Reading needs read access to the case, changing needs update access; every change is audited
 * and shows in the case's history.
 */
@ProviderType
public interface CaseTeamService {

    /** The case's members, ordered by role then person. */
    List<CaseMember> members(Caller caller, String type, long caseId);

    /**
     * Adds a person in a role. The person must be an active user.
     *
     * @throws org.casework.core.api.ValidationException naming {@code person} or {@code role}, or
     *     {@code person} when they already hold that role on the case
     */
    CaseMember addMember(Caller caller, String type, long caseId, String person, String role);

    /** Removes one membership. */
    void removeMember(Caller caller, String type, long caseId, long memberId);

    /** The case's events, oldest date first. */
    List<CaseDiaryEvent> events(Caller caller, String type, long caseId);

    /**
     * Records an event.
     *
     * @throws org.casework.core.api.ValidationException naming {@code eventDate}, {@code kind} or
     *     {@code description}
     */
    CaseDiaryEvent addEvent(Caller caller, String type, long caseId, LocalDate eventDate, String kind,
            String description);

    /** Deletes an event recorded by mistake. */
    void removeEvent(Caller caller, String type, long caseId, long eventId);
}
