package org.casework.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import javax.ws.rs.HttpMethod;

/**
 * The resource method answers HTTP {@code PATCH} requests (partial updates). JAX-RS 2.1 has no
 * such annotation; this one plays the part of {@code javax.ws.rs.PATCH} from later versions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@HttpMethod("PATCH")
public @interface PATCH {
}
