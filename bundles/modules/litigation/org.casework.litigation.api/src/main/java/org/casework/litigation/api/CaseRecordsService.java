package org.casework.litigation.api;

import java.util.List;

import org.casework.core.api.Caller;
import org.casework.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The repeating records of a litigation case ({@link RecordKind}): people, notes by phase,
 * memoranda, actions and dispositions, A-File transfers, applications, visas and filed documents.
 *
 * <p>Each method is one transaction and asks the case engine for the case as the caller first: a
 * case the caller may not read (or a record not on that case) answers
 * {@link org.casework.core.api.NotFoundException}; a write to a case the caller may read but not
 * change answers {@link org.casework.core.api.ForbiddenException}. Input is checked whole, each
 * problem a {@link org.casework.core.api.FieldError} naming the JSON property, and nothing is
 * written when any is found. Every read and write is audited on the case.
 *
 * @since 1.1
 */
@ProviderType
public interface CaseRecordsService {

    List<String> PERSON_ROLES = List.of("GOVERNMENT_ATTORNEY", "PRIVATE_ATTORNEY", "JUDGE", "WITNESS",
            "LEGAL_REPRESENTATIVE", "FAMILY_MEMBER", "SPONSOR", "EMPLOYER", "INTERPRETER", "OTHER");

    List<String> PHASES = List.of("PRE_TRIAL", "TRIAL", "POST_TRIAL");

    List<String> MEMO_STATUSES = List.of("DRAFT", "FINAL");

    List<String> LEVELS = List.of("IMMIGRATION_JUDGE", "BIA", "FEDERAL_COURT");

    List<String> DECISIONS = List.of("PENDING", "GRANTED", "DENIED", "WITHDRAWN", "REFERRED", "ABANDONED");

    List<String> VISA_STATUSES = List.of("APPLIED", "ISSUED", "REFUSED", "REVOKED", "EXPIRED");

    List<String> DOCUMENT_CATEGORIES = List.of("CHARGING_DOCUMENT", "EVIDENCE", "COURT_FILING", "OTHER");

    /**
     * The case's records of one kind a page at a time.
     *
     * @param sort a property of the record the kind allows sorting by, or null for its default
     *     order; an unknown one is refused naming {@code sort}
     */
    <T extends CaseSubRecord> Page<T> list(Caller caller, long caseId, RecordKind<T> kind, int page, int size,
            String sort, boolean ascending);

    /** One record of the case. */
    <T extends CaseSubRecord> T get(Caller caller, long caseId, RecordKind<T> kind, long recordId);

    /** Adds a record; the server-set parts of {@code record} are ignored. */
    <T extends CaseSubRecord> T create(Caller caller, long caseId, RecordKind<T> kind, T record);

    /**
     * Replaces a record's data with {@code record}'s, whose {@code version} must be the stored one
     * ({@link org.casework.core.api.ConflictException} otherwise).
     *
     * @throws org.casework.core.api.StateException for a record that may no longer change (a final
     *     memorandum, any A-File transfer)
     */
    <T extends CaseSubRecord> T update(Caller caller, long caseId, RecordKind<T> kind, long recordId, T record);

    /** Removes a record at the version the caller read; same refusals as {@link #update}. */
    void delete(Caller caller, long caseId, RecordKind<?> kind, long recordId, long version);

    /** The respondent of an immigration case, with the age from the date of birth. */
    Respondent respondent(Caller caller, long caseId);
}
