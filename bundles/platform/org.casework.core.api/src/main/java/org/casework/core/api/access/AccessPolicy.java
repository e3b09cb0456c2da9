package org.casework.core.api.access;

import java.util.List;

import org.casework.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The need-to-know decision, made in one place for every module: the caller's role permissions
 * (see {@link Permission}), the reach of each ({@link Scope}) and the record's explicit grants.
 * Administrators may do everything. A caller holding an external (read-only) role never gets any
 * action but {@link Permission#READ_ACTIONS}. A grant only widens an action the grantee already
 * holds at some scope: it never gives a role's missing permission.
 *
 * <p>Modules must treat a record the caller may not read as absent: answer 404 and leave it out
 * of lists and counts, so its existence is not revealed.
 */
@ProviderType
public interface AccessPolicy {

    /** Whether the caller holds the action on the resource at any scope (a gate, before any record). */
    boolean mayAtAll(Caller caller, String resource, String action);

    /** Whether the caller may perform the action on this record. */
    boolean permits(Caller caller, String action, RecordRef record);

    /** Which records of the resource the caller may perform the action on, for list queries. */
    Visibility visibility(Caller caller, String resource, String action);

    /**
     * Lets one more user read ({@code read}) or change ({@code update}) a record. Only the record's
     * creator and administrators may grant; the grantee must exist and be active.
     *
     * @throws org.casework.core.api.ForbiddenException when the caller may not grant on this record
     * @throws org.casework.core.api.ValidationException naming {@code grantee} or {@code action}
     */
    Grant grant(Caller caller, RecordRef record, String grantee, String action);

    /**
     * Takes a grant back; nothing happens when there is none.
     *
     * @throws org.casework.core.api.ForbiddenException when the caller may not grant on this record
     */
    void revoke(Caller caller, RecordRef record, String grantee, String action);

    /** The grants on a record, for those who may read it. */
    List<Grant> grants(Caller caller, RecordRef record);
}
