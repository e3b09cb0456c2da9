package org.casework.rest.internal.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.casework.core.api.CaseworkException;
import org.casework.rest.internal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the platform's own errors into problem documents, keeping their status and fields. */
public final class CaseworkExceptionMapper implements ExceptionMapper<CaseworkException> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkExceptionMapper.class);

    @Override
    public Response toResponse(CaseworkException exception) {
        int status = exception.status();
        if (status < 400 || status > 599) {
            LOG.error("Error with an impossible HTTP status {} answered as 500", status, exception);
            status = 500;
        } else if (status >= 500) {
            LOG.error("Request failed: {}", exception.getMessage(), exception);
        } else {
            LOG.debug("Request refused ({}): {}", status, exception.getMessage());
        }
        return Problem.of(status, exception.problemType(), exception.getMessage(), exception.errors())
                .toResponse();
    }
}
