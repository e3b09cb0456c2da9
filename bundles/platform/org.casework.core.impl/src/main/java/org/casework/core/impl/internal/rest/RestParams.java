package org.casework.core.impl.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;

/** Query and path parameters of the work resources, parsed so that bad input is a 4xx naming it. */
final class RestParams {

    private RestParams() {
    }

    /** A path id; a malformed one is a 404 like any unknown id, not a 500. */
    static long id(String raw) {
        try {
            long v = Long.parseLong(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NotFoundException("Record " + raw);
    }

    static int integer(String name, String raw, int dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "type", "\"" + name + "\" must be a whole number.");
        }
    }

    static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "type", "\"" + name + "\" must be a date written yyyy-MM-dd.");
        }
    }

    /** {@code field} or {@code field,asc|desc}. */
    record Sort(String field, boolean ascending) {
        static Sort parse(String raw, String dfltField, boolean dfltAscending) {
            if (raw == null || raw.isBlank()) {
                return new Sort(dfltField, dfltAscending);
            }
            String[] parts = raw.split(",", 2);
            boolean asc = dfltAscending;
            if (parts.length > 1) {
                String dir = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new ValidationException("sort", "direction", "Sort direction must be asc or desc.");
                }
                asc = dir.equals("asc");
            }
            return new Sort(parts[0].strip(), asc);
        }
    }
}
