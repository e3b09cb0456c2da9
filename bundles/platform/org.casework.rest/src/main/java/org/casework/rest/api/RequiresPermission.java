package org.casework.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold at least one of these permissions, each written {@code resource:action}
 * (see {@link org.casework.core.api.access.Permission}); administrators always pass, others get
 * 403. Permissions come from the permission sets of the caller's roles, which administrators edit
 * as data. On a method it replaces any annotation on the class; it may be combined with
 * {@link RequiresRole}, and then either suffices. Record-level rules are still checked by the
 * service the endpoint calls.
 *
 * @since 1.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    String[] value();
}
