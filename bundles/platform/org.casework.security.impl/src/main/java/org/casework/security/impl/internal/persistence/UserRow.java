package org.casework.security.impl.internal.persistence;

import org.casework.core.api.Caller;
import org.casework.security.api.UserAccount;

/**
 * A user as read in one transaction, detached from JPA.
 *
 * @param passwordHash the encoded hash, for checking a password; never leaves this bundle
 * @param directory true when the account was made from the directory and signs in there
 */
public record UserRow(String username, String passwordHash, boolean active, Caller caller,
        UserAccount account, boolean directory) {

    /** Whether sign-in is refused at {@code now} because of too many failures. */
    public boolean lockedAt(java.time.Instant now) {
        return account.lockedAt(now);
    }

    static UserRow of(UserEntity e) {
        return new UserRow(e.getUsername(), e.getPasswordHash(), e.isActive(), e.toCaller(),
                e.toAccount(), e.isDirectory());
    }
}
