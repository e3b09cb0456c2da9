package org.casework.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line summary of a resource method (or, on a class, of its endpoints as a group) for the
 * generated OpenAPI document at {@code /api/v1/openapi.json}. Optional: an endpoint without it is
 * still documented from its JAX-RS annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Doc {

    /** The summary, a short sentence, e.g. "Lists the accounts, a page at a time." */
    String value();
}
