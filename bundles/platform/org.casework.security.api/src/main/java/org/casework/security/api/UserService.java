package org.casework.security.api;

import org.casework.core.api.Caller;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * User accounts. Every method checks that the caller may perform it: a caller without the right
 * gets {@link org.casework.core.api.ForbiddenException}, invalid input a
 * {@link org.casework.core.api.ValidationException} naming each field.
 */
@ProviderType
public interface UserService {

    /**
     * Creates an account; administrators, and helpdesk staff for accounts without the admin or
     * helpdesk role (see {@link SecurityRoles#HELPDESK}).
     */
    UserAccount create(Caller caller, NewUser user);

    /** Lists accounts ordered by user name; administrators only. */
    List<UserAccount> list(Caller caller, int page, int size);

    /** The number of accounts; administrators only. */
    long count(Caller caller);

    /** One account; administrators may read any, others only their own. */
    Optional<UserAccount> find(Caller caller, String username);

    /**
     * Changes the caller's own password after checking the current one. Clears the
     * must-change flag and ends every other session of the user.
     */
    void changePassword(Caller caller, char[] currentPassword, char[] newPassword)
            throws AuthenticationException;

    /**
     * Edits an account. Administrators may change anything but their own roles and their own
     * active flag; nobody may raise their own role. Deactivating ends the user's sessions at once.
     *
     * @throws org.casework.core.api.ConflictException when {@code change.version()} is stale
     * @throws org.casework.core.api.NotFoundException when there is no such account
     * @since 1.1
     */
    UserAccount update(Caller caller, String username, AccountChange change);

    /**
     * Gives the account a new random temporary password that must be changed at the next
     * sign-in, ends its sessions and clears any lock. Administrators and helpdesk staff only
     * (helpdesk not for administrators' accounts).
     *
     * @return the temporary password; it is shown this once and never stored in clear
     * @since 1.1
     */
    String resetPassword(Caller caller, String username);
}
