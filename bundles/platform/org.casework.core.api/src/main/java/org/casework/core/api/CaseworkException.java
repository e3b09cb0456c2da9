package org.casework.core.api;

import java.util.List;

/**
 * Base of every error the platform reports to a caller. It carries what an RFC 9457 problem
 * document needs, so the REST layer maps any subclass without knowing it.
 */
public class CaseworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;
    private final transient List<FieldError> errors;

    /**
     * @param status the HTTP status this error stands for
     * @param problemType a short stable key, e.g. {@code validation}; becomes the problem's type URI
     * @param title a sentence a case analyst understands
     * @param errors the fields at fault, empty when the error is not about fields
     */
    public CaseworkException(int status, String problemType, String title, List<FieldError> errors) {
        super(title);
        this.status = status;
        this.problemType = problemType;
        this.errors = List.copyOf(errors == null ? List.of() : errors);
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
