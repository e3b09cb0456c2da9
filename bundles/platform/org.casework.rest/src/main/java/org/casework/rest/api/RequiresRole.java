package org.casework.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold at least one of these roles (administrators always pass); others get 403.
 * On a method it replaces any annotation on the class. Record-level rules (need-to-know, case type
 * permissions) are still checked by the service the endpoint calls.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    String[] value();
}
