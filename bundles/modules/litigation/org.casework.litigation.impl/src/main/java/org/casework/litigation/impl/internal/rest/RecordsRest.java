package org.casework.litigation.impl.internal.rest;

import java.util.Locale;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;

/** Parameters shared by the case-record resources, each refused naming itself. */
final class RecordsRest {

    static final String READ_IMM = "case.immigration-case:read";
    static final String READ_FED = "case.federal-litigation:read";
    static final String READ_ADM = "case.administrative-case:read";
    static final String UPDATE_IMM = "case.immigration-case:update";
    static final String UPDATE_FED = "case.federal-litigation:update";
    static final String UPDATE_ADM = "case.administrative-case:update";

    private RecordsRest() {
    }

    /** A path that names no case is a case that does not exist. */
    static long caseId(String value) {
        return positive(value).orElseThrow(() -> new NotFoundException("Case " + value));
    }

    /** Likewise for a record. */
    static long recordId(String value) {
        return positive(value).orElseThrow(() -> new NotFoundException("Record " + value));
    }

    static long version(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("version", "required", "Send the version you read as ?version=.");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("version", "integer", "\"" + value + "\" is not a version number.");
        }
    }

    static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "integer", "\"" + value + "\" is not a whole number.");
        }
    }

    private static java.util.OptionalLong positive(String value) {
        try {
            long v = Long.parseLong(value);
            return v > 0 ? java.util.OptionalLong.of(v) : java.util.OptionalLong.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** {@code field[,asc|desc]}; the direction defaults to ascending. */
    record Sort(String field, boolean ascending) {
        static Sort parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return new Sort(null, true);
            }
            String[] parts = sort.split(",", 2);
            boolean asc = true;
            if (parts.length > 1) {
                String dir = parts[1].strip().toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new ValidationException("sort", "direction", "Sort direction must be asc or desc.");
                }
                asc = dir.equals("asc");
            }
            return new Sort(parts[0].strip(), asc);
        }
    }
}
