package org.casework.facilities.api;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

import org.casework.core.api.Caller;
import org.casework.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the facility reference list: listing for everyone holding {@code facilities:read} or
 * {@code facilities:update}, edits and imports for those holding {@code facilities:update}
 * (administrators always). Every change is
 * audited with its fields' old and new values, in the transaction that makes it. Facilities are
 * never deleted, only deactivated, so that old records still name them.
 *
 * <p>Errors: {@link org.casework.core.api.ValidationException} (400) naming each bad field, or
 * each bad CSV line and column; {@link org.casework.core.api.ConflictException} (409) for an edit
 * of an older version; {@link org.casework.core.api.NotFoundException} (404) for an unknown code
 * or contact; {@link org.casework.core.api.ForbiddenException} (403) without the permission.
 *
 * @since 1.1
 */
@ProviderType
public interface FacilityService {

    /** The permission to read the list. */
    String READ = "facilities:read";

    /** The permission to change it. */
    String UPDATE = "facilities:update";

    /** One page of facilities matching the query. */
    Page<FacilityRecord> list(Caller caller, FacilityQuery query);

    /** The facility with this code (case-insensitive), active or not. */
    Optional<FacilityRecord> get(Caller caller, String code);

    /** Adds a facility; its code must be new. */
    FacilityRecord create(Caller caller, FacilityInput input);

    /** Replaces a facility's data if {@code input.version()} is still the stored one. */
    FacilityRecord update(Caller caller, String code, FacilityInput input);

    /** Marks a facility inactive if {@code version} is still the stored one; idempotent. */
    FacilityRecord deactivate(Caller caller, String code, long version);

    /** The facility's points of contact, by agency then name. */
    List<PointOfContact> contacts(Caller caller, String code);

    /** Adds a point of contact to a facility. */
    PointOfContact addContact(Caller caller, String code, ContactInput input);

    /** Replaces a point of contact's agency, name and e-mail. */
    PointOfContact updateContact(Caller caller, String code, long contactId, ContactInput input);

    /** Removes a point of contact (contacts are not referred to by other records). */
    void removeContact(Caller caller, String code, long contactId);

    /**
     * Reads a CSV file (UTF-8, a header row, RFC 4180 quoting; columns described in
     * {@code docs/facilities.md}) and creates or updates each facility by its code, adding or
     * renaming the points of contact given. All or nothing: any bad line refuses the whole file,
     * with an error per bad line and column.
     */
    ImportResult importCsv(Caller caller, Reader csv);
}
