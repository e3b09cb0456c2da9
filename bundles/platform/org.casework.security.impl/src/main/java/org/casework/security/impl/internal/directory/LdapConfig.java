package org.casework.security.impl.internal.directory;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Directory sign-in settings of {@code etc/org.casework.security.ldap.cfg}; without that file
 * directory sign-in is off. Read again on change.
 */
@ObjectClassDefinition(name = "Casework directory sign-in (LDAP)",
        description = "Lets people sign in with their directory account; directory groups give "
                + "their roles and divisions.")
public @interface LdapConfig {

    /** The configuration PID. */
    String PID = "org.casework.security.ldap";

    @AttributeDefinition(name = "Directory URL",
            description = "ldap://host:389 or ldaps://host:636 (ldaps checks the server's "
                    + "certificate against the Java trust store).")
    String url();

    @AttributeDefinition(name = "Service account DN", required = false,
            description = "The account that searches users and groups; empty searches "
                    + "anonymously.")
    String bindDn() default "";

    @AttributeDefinition(name = "Service account password", type = AttributeType.PASSWORD,
            required = false,
            description = "Best given as ${env:CASEWORK_LDAP_BIND_PASSWORD}, so it is not in the "
                    + "file.")
    String bindPassword() default "";

    @AttributeDefinition(name = "User search base", description = "Where users are searched, "
            + "with subtree scope, e.g. ou=people,dc=example,dc=org.")
    String userSearchBase();

    @AttributeDefinition(name = "User filter", description = "{0} is the user name as typed, "
            + "escaped (RFC 4515).")
    String userFilter() default "(uid={0})";

    @AttributeDefinition(name = "Group search base", required = false,
            description = "Where groups are searched, with subtree scope; empty: no groups, so "
                    + "no roles.")
    String groupSearchBase() default "";

    @AttributeDefinition(name = "Group filter", description = "{0} is the user's DN, {1} the "
            + "user name (for memberUid groups); both escaped.")
    String groupFilter() default "(member={0})";

    @AttributeDefinition(name = "Groups to roles", required = false,
            description = "group -> role, role; group -> role; ... A group is its full DN "
                    + "(cn=attorneys,ou=groups,dc=example,dc=org) or its cn (attorneys).")
    String groupRoleMapping() default "";

    @AttributeDefinition(name = "Groups to divisions", required = false,
            description = "Same form as the role mapping.")
    String groupDivisionMapping() default "";

    @AttributeDefinition(name = "Full name attribute")
    String fullNameAttribute() default "cn";

    @AttributeDefinition(name = "E-mail attribute")
    String emailAttribute() default "mail";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "100")
    int connectTimeoutMs() default 5000;

    @AttributeDefinition(name = "Read timeout (ms)", min = "100")
    int readTimeoutMs() default 10000;

    @AttributeDefinition(name = "Order", description = "local-first: accounts created in Casework "
            + "sign in with their Casework password, other names through the directory. "
            + "directory-first: the directory is asked first for every name; a Casework account "
            + "of the same name becomes a directory account at its first directory sign-in.",
            options = {@Option(label = "Casework accounts first", value = "local-first"),
                @Option(label = "Directory first", value = "directory-first")})
    String mode() default "local-first";
}
