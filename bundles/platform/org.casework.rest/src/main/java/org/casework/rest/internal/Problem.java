package org.casework.rest.internal;

import java.util.List;

import javax.ws.rs.core.Response;

import org.casework.core.api.FieldError;
import org.casework.rest.api.RestConstants;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error response of the API.
 *
 * @param type {@code urn:casework:problem:<key>}
 * @param title a sentence a case analyst understands
 * @param status the HTTP status repeated
 * @param detail more about this occurrence, or null
 * @param errors the fields at fault; omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "urn:casework:problem:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem of the given key without field errors. */
    public static Problem of(int status, String key, String title) {
        return new Problem(TYPE_PREFIX + key, title, status, null, List.of());
    }

    /** A problem of the given key with field errors. */
    public static Problem of(int status, String key, String title, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + key, title, status, null, errors);
    }

    /** The same problem with a detail sentence. */
    public Problem withDetail(String text) {
        return new Problem(type, title, status, text, errors);
    }

    /** A response carrying this problem as {@code application/problem+json}. */
    public Response toResponse() {
        return toResponseBuilder().build();
    }

    /** A response builder carrying this problem, for callers that add headers. */
    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(RestConstants.PROBLEM_JSON).entity(this);
    }
}
