package org.casework.core.api;

import java.util.List;

/**
 * The record does not exist, or the caller may not know that it exists: both answer the same,
 * so a 404 never reveals a record the caller has no need to know. HTTP 404.
 */
public class NotFoundException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(404, "not-found", what + " was not found.", List.of());
    }
}
