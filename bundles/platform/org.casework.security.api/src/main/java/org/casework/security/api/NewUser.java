package org.casework.security.api;

import java.util.Set;

/** What an administrator supplies to create an account. */
public record NewUser(String username, String fullName, String email, Set<String> roles,
        Set<String> divisions, String password) {
}
