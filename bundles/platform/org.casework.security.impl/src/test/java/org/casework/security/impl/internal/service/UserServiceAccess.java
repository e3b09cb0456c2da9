package org.casework.security.impl.internal.service;

import java.time.Clock;

import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.roles.RoleCatalog;

/** Lets tests of other packages build the account service the way DS would. */
public final class UserServiceAccess {

    private UserServiceAccess() {
    }

    public static UserServiceImpl create(SecurityStore store, PasswordHasher hasher, RoleCatalog roles) {
        UserServiceImpl users = new UserServiceImpl(store, hasher, Clock.systemUTC());
        users.useRoles(roles);
        return users;
    }
}
