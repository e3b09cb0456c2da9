package org.casework.rest.internal.errors;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.rest.internal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains request bodies Jackson could not read: malformed JSON, unknown properties and values
 * of the wrong type each name the field at fault. Only a broken server-side type is a 500.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonExceptionMapper.class);

    static final String VALIDATION_TITLE = "The request has invalid fields.";

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return problem(exception).toResponse();
    }

    Problem problem(JsonProcessingException exception) {
        if (exception instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            // Jackson's guard against bodies built to exhaust the server (nesting, huge numbers)
            return Problem.of(400, "malformed-json",
                    "The request body is nested too deeply or has values that are too long.");
        }
        if (exception instanceof StreamReadException) {
            // covers JsonParseException and end-of-input: the text is not JSON at all
            return Problem.of(400, "malformed-json", "The request body is not valid JSON.")
                    .withDetail(where(exception.getLocation()));
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown, unknown.getPropertyName());
            return Problem.of(400, "validation", VALIDATION_TITLE, List.of(new FieldError(field,
                    "unknown", "There is no field \"" + field + "\" here.")));
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String field = path(mismatch, null);
            return Problem.of(400, "validation", VALIDATION_TITLE, List.of(new FieldError(field,
                    "type", field == null ? "The request body has the wrong shape."
                            : "The value of \"" + field + "\" has the wrong type.")));
        }
        if (exception instanceof InvalidDefinitionException) {
            LOG.error("A JSON type of the API cannot be read or written", exception);
            return Problem.of(500, "server-error", "Something went wrong on the server.");
        }
        if (exception instanceof ValueInstantiationException instantiation) {
            if (instantiation.getCause() instanceof CaseworkException casework) {
                return Problem.of(casework.status(), casework.problemType(), casework.getMessage(),
                        casework.errors());
            }
            String field = path(instantiation, null);
            return Problem.of(400, "validation", VALIDATION_TITLE, List.of(new FieldError(field,
                    "invalid", field == null ? "The request body is incomplete or invalid."
                            : "The value of \"" + field + "\" is incomplete or invalid.")));
        }
        if (exception instanceof JsonMappingException mapping && mapping.getProcessor() != null
                && !(mapping.getProcessor() instanceof com.fasterxml.jackson.core.JsonGenerator)) {
            String field = path(mapping, null);
            return Problem.of(400, "validation", VALIDATION_TITLE, List.of(new FieldError(field,
                    "invalid", "The request body could not be read.")));
        }
        // writing a response failed: the server's fault
        LOG.error("A response could not be written as JSON", exception);
        return Problem.of(500, "server-error", "Something went wrong on the server.");
    }

    /**
     * The dotted path of the field at fault ({@code fields.title}, {@code items[2].name}), ending
     * with {@code last} unless the path already does; null at the top level.
     */
    static String path(JsonMappingException exception, String last) {
        StringBuilder sb = new StringBuilder();
        String lastName = null;
        for (JsonMappingException.Reference ref : exception.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
                lastName = ref.getFieldName();
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
                lastName = null;
            }
        }
        if (last != null && !last.equals(lastName)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(last);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "Near line " + location.getLineNr() + ", column " + location.getColumnNr() + ".";
    }
}
