package org.casework.security.impl.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Lockout and two-factor settings of {@code etc/org.casework.security.signin.cfg}; read again on change. */
@ObjectClassDefinition(name = "Casework sign-in",
        description = "How many wrong passwords in a row lock an account, and for how long.")
public @interface SignInConfig {

    /** The configuration PID. */
    String PID = "org.casework.security.signin";

    @AttributeDefinition(name = "Failures before lock", min = "1",
            description = "Consecutive failed sign-ins that lock the account.")
    int maxFailures() default 5;

    @AttributeDefinition(name = "Lock minutes", min = "1",
            description = "How long a locked account refuses every sign-in, even a right one.")
    int lockMinutes() default 15;

    @AttributeDefinition(name = "Two-factor sign-in required",
            description = "When on, users holding a role listed in 'Roles that need two-factor "
                    + "sign-in' may not turn two-factor sign-in off. Off by default.")
    boolean totpEnforced() default false;

    @AttributeDefinition(name = "Roles that need two-factor sign-in",
            description = "Comma-separated role names; applies only while two-factor sign-in "
                    + "is required. Empty: the roles flagged 'two-factor required' in their data "
                    + "(admin, product-owner, external-readonly as shipped).")
    String totpRequiredRoles() default "";
}
