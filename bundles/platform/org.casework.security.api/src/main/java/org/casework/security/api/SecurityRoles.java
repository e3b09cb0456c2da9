package org.casework.security.api;

/** Role keys the security bundles give a meaning to, besides those in {@code core.api}'s Roles. */
public final class SecurityRoles {

    /**
     * Helpdesk staff: may create accounts (never with the admin or helpdesk role) and reset
     * passwords of accounts that are not administrators; nothing else about accounts.
     */
    public static final String HELPDESK = "helpdesk";

    private SecurityRoles() {
    }
}
