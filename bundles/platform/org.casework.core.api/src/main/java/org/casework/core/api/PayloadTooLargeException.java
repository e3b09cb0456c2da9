package org.casework.core.api;

import java.util.List;

/** An upload is larger than allowed. HTTP 413. */
public class PayloadTooLargeException extends CaseworkException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String field, long limitBytes) {
        super(413, "too-large", "The file is larger than the limit of " + limitBytes + " bytes.",
                List.of(new FieldError(field, "maxSize",
                        "The file is larger than the limit of " + limitBytes + " bytes.")));
    }
}
