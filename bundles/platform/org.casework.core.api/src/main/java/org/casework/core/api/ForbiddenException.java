package org.casework.core.api;

import java.util.List;

/** The caller may see the record but may not do this to it. HTTP 403. */
public class ForbiddenException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String title) {
        super(403, "forbidden", title, List.of());
    }
}
