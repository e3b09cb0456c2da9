package org.casework.audit.impl.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;

/** Reads the query parameters the audit and alert lists share; a bad one is a 400 naming it. */
final class QueryParams {

    private QueryParams() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A whole number between {@code min} and {@code max}, or {@code dflt} when absent. */
    static int integer(String name, String raw, int dflt, int min, int max) {
        if (blank(raw)) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) {
                throw bad(name, "range", "\"" + name + "\" must be between " + min + " and " + max + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name, "type", "\"" + name + "\" must be a whole number.");
        }
    }

    /** An ISO-8601 instant, or null when absent. */
    static Instant instant(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, "type", "\"" + name + "\" must be a date and time such as 2026-01-31T09:00:00Z.");
        }
    }

    static CaseworkException bad(String name, String rule, String message) {
        return new CaseworkException(400, "bad-parameter", "The parameter \"" + name + "\" is not valid.",
                List.of(new FieldError(name, rule, message)));
    }
}
