package org.casework.rest.internal.errors;

import java.util.List;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.casework.rest.internal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the status of JAX-RS errors (404 for unknown paths, 405, 406, 415 ...) but answers them
 * as problem documents. A response that already has a body is passed on unchanged.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original != null && original.hasEntity()) {
            return original;
        }
        int status = original == null ? 500 : original.getStatus();
        if (status == 404 && exception.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; that is
            // bad input, not a missing record
            return Problem.of(400, "validation", JsonExceptionMapper.VALIDATION_TITLE, List.of(
                    new org.casework.core.api.FieldError(null, "type",
                            "A path or query parameter has the wrong type."))).toResponse();
        }
        if (status >= 500) {
            LOG.error("Request failed with status {}", status, exception);
        } else {
            LOG.debug("Request refused with status {}: {}", status, exception.getMessage());
        }
        Response.ResponseBuilder builder = problemFor(status).toResponseBuilder();
        if (original != null) {
            for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
                String name = header.getKey();
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    for (Object value : header.getValue()) {
                        builder.header(name, value);
                    }
                }
            }
        }
        return builder.build();
    }

    /** A problem for a bare HTTP status, with a plain-language title. */
    public static Problem problemFor(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "The request is not valid.");
            case 401 -> Problem.of(401, "unauthorized", "Please sign in.");
            case 403 -> Problem.of(403, "forbidden", "You are not allowed to do this.");
            case 404 -> Problem.of(404, "not-found", "There is nothing at this address.");
            case 405 -> Problem.of(405, "method-not-allowed",
                    "This address does not accept this kind of request.");
            case 406 -> Problem.of(406, "not-acceptable",
                    "The server cannot answer in the format asked for.");
            case 409 -> Problem.of(409, "conflict", "The request conflicts with the stored data.");
            case 413 -> Problem.of(413, "too-large", "The request is too large.");
            case 415 -> Problem.of(415, "unsupported-media-type",
                    "The server does not accept this content type here.");
            case 500 -> Problem.of(500, "server-error", "Something went wrong on the server.");
            case 503 -> Problem.of(503, "unavailable",
                    "The service is starting or temporarily unavailable. Please try again shortly.");
            default -> Problem.of(status, "http-" + status, status >= 500
                    ? "Something went wrong on the server." : "The request could not be completed.");
        };
    }
}
