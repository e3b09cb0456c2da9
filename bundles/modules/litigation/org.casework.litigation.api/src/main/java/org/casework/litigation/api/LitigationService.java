package org.casework.litigation.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Litigation on top of the case engine. Each method is one transaction, checks need-to-know
 * through the engine (a case the caller may not read answers
 * {@link org.casework.core.api.NotFoundException}), validates its input (a
 * {@link org.casework.core.api.ValidationException} naming each field, nothing written) and is
 * audited.
 */
@ProviderType
public interface LitigationService {

    /** Immigration court cases, keyed by A-Number. */
    String IMMIGRATION = "immigration-case";

    /** Federal court litigation (FTCA, FOIA, Privacy Act, contract, employment). */
    String FEDERAL = "federal-litigation";

    /** Administrative cases (EEO, MSPB, contract). */
    String ADMINISTRATIVE = "administrative-case";

    /** The case types hearings and due dates may belong to. */
    List<String> CASE_TYPES = List.of(IMMIGRATION, FEDERAL, ADMINISTRATIVE);

    List<String> HEARING_TYPES = List.of("MASTER_CALENDAR", "INDIVIDUAL", "BOND", "CUSTODY", "STATUS", "MOTION",
            "TRIAL", "OTHER");

    List<String> DUE_DATE_TYPES = List.of("PLEADING", "MOTION", "BRIEF", "RESPONSE", "DISCOVERY", "OTHER");

    /**
     * The immigration case holding an A-Number, if there is one the caller may read.
     *
     * @throws org.casework.core.api.ValidationException naming {@code aNumber} when it is not an A-Number
     */
    Optional<CaseRecord> findByANumber(Caller caller, String aNumber);

    /**
     * Opens the immigration case a placeholder project stood for, links the two and closes the
     * project, in one transaction: all of it happens or none.
     *
     * @param division the owning division, or null for the caller's only one
     */
    CaseRecord createFromProject(Caller caller, long projectId, Map<String, Object> fields, String division);

    Hearing addHearing(Caller caller, long caseId, HearingInput hearing);

    /**
     * The case's hearings a page at a time.
     *
     * @param sort {@code date} (then time), {@code type} or {@code createdAt}
     */
    Page<Hearing> hearings(Caller caller, long caseId, int page, int size, String sort, boolean ascending);

    /**
     * Replaces a hearing's details, checked as when it was added; audited with the old and new
     * values.
     *
     * @param version the version the caller read; a different stored version raises
     *     {@link org.casework.core.api.ConflictException}
     * @throws org.casework.core.api.NotFoundException when the case or the hearing is not there
     *     (or the hearing belongs to another case)
     * @since 1.1
     */
    Hearing updateHearing(Caller caller, long caseId, long hearingId, long version, HearingInput hearing);

    /**
     * Removes a hearing; audited with what it held.
     *
     * @since 1.1
     */
    void deleteHearing(Caller caller, long caseId, long hearingId);

    DueDate addDueDate(Caller caller, long caseId, DueDateInput dueDate);

    /**
     * Replaces a due date's details (a due date without a type is refused, as when adding one);
     * audited with the old and new values.
     *
     * @param version the version the caller read
     * @since 1.1
     */
    DueDate updateDueDate(Caller caller, long caseId, long dueDateId, long version, DueDateInput dueDate);

    /**
     * Removes a due date; audited with what it held.
     *
     * @since 1.1
     */
    void deleteDueDate(Caller caller, long caseId, long dueDateId);

    /**
     * The case's due dates a page at a time.
     *
     * @param sort {@code date}, {@code type} or {@code createdAt}
     */
    Page<DueDate> dueDates(Caller caller, long caseId, int page, int size, String sort, boolean ascending);
}
