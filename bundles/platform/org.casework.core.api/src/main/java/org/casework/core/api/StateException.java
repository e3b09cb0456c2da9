package org.casework.core.api;

import java.util.List;

/**
 * The request is well-formed but not allowed in the record's current state, e.g. a workflow
 * transition that does not start from the current status. HTTP 422.
 */
public class StateException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    public StateException(String field, String rule, String message) {
        super(422, "state", message, List.of(new FieldError(field, rule, message)));
    }
}
