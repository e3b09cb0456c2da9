package org.casework.core.api;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The case engine. Works for every registered {@link org.casework.core.api.spi.CaseType}; each
 * method runs in one transaction, checks the caller's permission and need-to-know, validates its
 * input (throwing {@link ValidationException} naming each field, with nothing written) and records
 * the change in the case's history in the same transaction.
 *
 * <p>Records the caller may not read answer {@link NotFoundException}, as if they did not exist.
 */
@ProviderType
public interface CaseService {

    /** The registered case types the caller may create, read or update cases of, ordered by label. */
    List<CaseTypeDefinition> caseTypes(Caller caller);

    /** One registered type, whatever the caller's rights (definitions are not secret). */
    Optional<CaseTypeDefinition> caseType(String type);

    /**
     * Opens a case in the type's initial state and gives it a number. The caller's only division
     * owns it; a caller in several divisions must name one with
     * {@link #create(Caller, String, Map, String)}.
     */
    CaseRecord create(Caller caller, String type, Map<String, Object> fields);

    /**
     * Opens a case owned by the named division, which the caller must belong to (administrators
     * may name any). Null names none: the caller's only division owns the case, or no division
     * when the caller has none.
     *
     * @throws ValidationException naming {@code division} when the caller does not belong to it,
     *     or belongs to several and named none
     */
    CaseRecord create(Caller caller, String type, Map<String, Object> fields, String division);

    CaseRecord get(Caller caller, String type, long id);

    /**
     * Several cases of one type in one transaction, in the order given: those that do not exist or
     * that the caller may not read are left out (and not counted). Each case returned is audited as
     * a view, as {@link #get} would; what costs is one transaction instead of one per case.
     *
     * @throws ValidationException naming {@code ids} when more than {@value CaseQuery#MAX_SIZE} are asked for
     */
    List<CaseRecord> getAll(Caller caller, String type, Collection<Long> ids);

    /** Finds a case by its number, whatever its type. */
    CaseRecord getByNumber(Caller caller, String number);

    /**
     * Changes the given fields (a field given as null is cleared; fields not given keep their
     * value).
     *
     * @param version the version the caller read; a different stored version raises
     *     {@link ConflictException}
     */
    CaseRecord update(Caller caller, String type, long id, long version, Map<String, Object> fields);

    /** Makes a workflow transition; raises {@link StateException} if it does not apply now. */
    CaseRecord transition(Caller caller, String type, long id, long version, String transition,
            String comment);

    /** Assigns the case to a user and/or team (null clears). */
    CaseRecord assign(Caller caller, String type, long id, long version, String assignee, String team);

    /**
     * Moves the case to another owning division (an office transferring a case to another). The
     * caller must be allowed to change the case and to {@code transfer} it (permission
     * {@code case.<type>:transfer[:scope]}; administrators always may). The history records the
     * old and new division with who and when, the reason becomes a note, and the change is
     * audited.
     *
     * @param version the version the caller read; a different stored version raises
     *     {@link ConflictException}
     * @throws ValidationException naming {@code division} (missing, too long, the current one) or
     *     {@code reason} (missing or too long)
     * @since 1.2
     */
    CaseRecord transfer(Caller caller, String type, long id, long version, String division, String reason);

    Page<CaseRecord> search(Caller caller, String type, CaseQuery query);

    NoteRecord addNote(Caller caller, String type, long id, String text);

    List<NoteRecord> notes(Caller caller, String type, long id);

    /**
     * Stores a file. The content type is detected from the bytes; a file whose bytes do not match
     * its claimed type or an allowed type is refused, and so is one over the size limit.
     */
    AttachmentRecord addAttachment(Caller caller, String type, long id, String fileName,
            String claimedContentType, InputStream content);

    List<AttachmentRecord> attachments(Caller caller, String type, long id);

    AttachmentContent attachment(Caller caller, String type, long id, long attachmentId);

    /** Links two cases; the link shows on both (to those who may read the other case). */
    LinkRecord link(Caller caller, String type, long id, long otherCaseId, String relation);

    List<LinkRecord> links(Caller caller, String type, long id);

    List<HistoryEntry> history(Caller caller, String type, long id);

    /**
     * An administrator sets an authoritative-source field (one whose value belongs to an external
     * system, see {@link org.casework.core.api.spi.FieldDefinition#authoritativeSource()}) over
     * what the source said, giving a reason. The value is checked like any other; the history
     * shows the change with the reason, and the value's provenance becomes
     * {@link FieldProvenance.Origin#CORRECTED} until the source next gives a value.
     *
     * @param version the version the caller read
     * @throws ForbiddenException when the caller is not an administrator
     * @throws ValidationException naming {@code reason} when none is given, {@code field} when the
     *     field is not authoritative, {@code value} when the value breaks the field's rules
     * @throws NotFoundException when the type has no such field, or the case is hidden
     * @since 1.2
     */
    CaseRecord correctField(Caller caller, String type, long id, long version, String field, Object value,
            String reason);

    /**
     * Stores a value the field's owning source gave, as a connector fetched it. Only system
     * callers (connectors, scheduled jobs) may; the change is audited and shown in the history as
     * theirs, with the source's name. A value equal to the stored one only renews the provenance.
     * No version is needed: the source's value replaces whatever a user entered or an
     * administrator corrected.
     *
     * @param source the source's name; must be the field's {@code authoritativeSource}
     * @param fetchedAt when the source system gave the value; null means now
     * @throws ForbiddenException when the caller is not a system caller
     * @throws ValidationException naming {@code source}, {@code field} or {@code value}
     * @since 1.2
     */
    CaseRecord recordSourceValue(Caller caller, String type, long id, String field, String source, Object value,
            Instant fetchedAt);

    /**
     * Asks every running {@link org.casework.core.api.spi.AuthoritativeSource} that owns fields of
     * the case's type for their current values and stores those that arrive (as
     * {@link #recordSourceValue} would, under the source's own system name). The caller must be
     * allowed to change the case. A source that fails or is not installed is skipped.
     *
     * @return the case after the refresh
     * @since 1.2
     */
    CaseRecord refreshFromSources(Caller caller, String type, long id);
}
