package org.casework.security.impl.internal.directory;

import java.util.Set;

/**
 * A user the directory has just accepted, with what their groups give them.
 *
 * @param dn the user's entry
 * @param fullName from the full-name attribute; may be null
 * @param email from the e-mail attribute; may be null
 * @param groups the DNs of the user's groups, mapped or not
 * @param roles the roles the mapped groups give; empty when none
 * @param divisions the divisions the mapped groups give; empty when none
 */
public record DirectoryUser(String dn, String fullName, String email, Set<String> groups,
        Set<String> roles, Set<String> divisions) {
}
