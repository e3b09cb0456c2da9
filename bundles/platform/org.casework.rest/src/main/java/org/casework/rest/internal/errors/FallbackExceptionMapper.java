package org.casework.rest.internal.errors;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.casework.core.api.CaseworkException;
import org.casework.rest.internal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The last resort. An error wrapped by a framework (transaction rollback, CXF fault) is unwrapped
 * and answered as what it really is; anything else is a 500 that shows the client no internals,
 * only an incident id that the error log line repeats.
 */
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);
    private static final int MAX_CAUSES = 16;

    private final CaseworkExceptionMapper casework;
    private final JsonExceptionMapper json;
    private final WebApplicationExceptionMapper web;

    public FallbackExceptionMapper(CaseworkExceptionMapper casework, JsonExceptionMapper json,
            WebApplicationExceptionMapper web) {
        this.casework = casework;
        this.json = json;
        this.web = web;
    }

    @Override
    public Response toResponse(Throwable exception) {
        Throwable t = exception;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof CaseworkException c) {
                return casework.toResponse(c);
            }
            if (t instanceof WebApplicationException w) {
                return web.toResponse(w);
            }
            if (t instanceof JsonProcessingException j) {
                return json.toResponse(j);
            }
            // compared by name: the REST bundle does not depend on JPA
            String name = t.getClass().getName();
            if (name.equals("javax.persistence.OptimisticLockException")
                    || name.equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                LOG.debug("Stale write refused", exception);
                return Problem.of(409, "conflict",
                        "The record was changed by someone else. Reload it and try again.")
                        .toResponse();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, exception);
        return Problem.of(500, "server-error", "Something went wrong on the server.")
                .withDetail("Incident " + incident + ".")
                .toResponse();
    }
}
