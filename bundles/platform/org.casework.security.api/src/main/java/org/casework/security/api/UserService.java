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

    /** Creates an account; administrators only. */
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
}
