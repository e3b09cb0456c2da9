package org.casework.core.api;

/** Role keys the platform itself relies on. Modules define their own role keys as plain strings. */
public final class Roles {
    /** System administrator: may do everything, including managing users and modules. */
    public static final String ADMIN = "admin";
    /** Any signed-in staff member; the least a person needs to use the console. */
    public static final String STAFF = "staff";

    private Roles() {
    }
}
