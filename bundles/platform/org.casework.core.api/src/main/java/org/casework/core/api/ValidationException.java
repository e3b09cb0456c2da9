package org.casework.core.api;

import java.util.List;

/** Input breaks one or more rules; nothing was written. HTTP 400. */
public class ValidationException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(400, "validation", "The request has invalid fields.", errors);
    }

    public ValidationException(String field, String rule, String message) {
        this(List.of(new FieldError(field, rule, message)));
    }
}
