package org.casework.litigation.impl.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;

/**
 * Collects every problem of one input, each naming its JSON property, so a client learns all of
 * them at once; {@link #throwIfAny()} refuses the input before anything is written.
 */
final class Checks {

    private static final Pattern SINGLE_LINE_FORBIDDEN = Pattern.compile("\\p{Cntrl}");
    private static final Pattern MULTI_LINE_FORBIDDEN = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    /** @param today the latest "today" anywhere, so nobody's own today counts as the future */
    Checks(LocalDate today) {
        this.today = today;
    }

    void add(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** One line of text up to {@code max} characters; blank is null. */
    String text(String field, String value, int max) {
        return text(field, value, max, SINGLE_LINE_FORBIDDEN);
    }

    /** Text that may run over several lines. */
    String longText(String field, String value, int max) {
        return text(field, value, max, MULTI_LINE_FORBIDDEN);
    }

    String required(String field, String value, int max, String what) {
        String v = text(field, value, max);
        if (value == null || value.isBlank()) {
            add(field, "required", "Give the " + what + ".");
        }
        return v;
    }

    String requiredLong(String field, String value, int max, String what) {
        String v = longText(field, value, max);
        if (value == null || value.isBlank()) {
            add(field, "required", "Give the " + what + ".");
        }
        return v;
    }

    private String text(String field, String value, int max, Pattern forbidden) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            add(field, "maxLength", "At most " + max + " characters.");
            return null;
        }
        if (forbidden.matcher(v).find()) {
            add(field, "characters", "Control characters are not allowed here.");
            return null;
        }
        return v;
    }

    /** One of the options, case-insensitive; null gives {@code fallback}, or is refused without one. */
    String option(String field, String value, List<String> options, String fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                add(field, "required", "Choose one of " + String.join(", ", options) + ".");
            }
            return fallback;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!options.contains(v)) {
            add(field, "option", "Choose one of " + String.join(", ", options) + ".");
            return null;
        }
        return v;
    }

    /** A date written {@code yyyy-mm-dd}, or null when not given and not required. */
    LocalDate date(String field, String value, boolean required, boolean notInFuture) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", "Give the date (yyyy-mm-dd).");
            }
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            add(field, "date", "\"" + value.strip() + "\" is not a date written yyyy-mm-dd.");
            return null;
        }
        if (d.getYear() < 1800 || d.getYear() > 2999) {
            add(field, "range", "\"" + d + "\" is not a plausible date.");
            return null;
        }
        if (notInFuture && d.isAfter(today)) {
            add(field, "notInFuture", "The date cannot be in the future.");
            return null;
        }
        return d;
    }

    /** Refuses {@code later} when it is before {@code earlier}, naming {@code field}. */
    void notBefore(String field, LocalDate later, LocalDate earlier, String message) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            add(field, "order", message);
        }
    }

    String phone(String field, String value) {
        String v = text(field, value, 30);
        if (v != null && (!PHONE.matcher(v).matches() || v.chars().filter(Character::isDigit).count() < 3)) {
            add(field, "phone", "Enter a telephone number using digits, spaces and + - ( ) .");
            return null;
        }
        return v;
    }

    String email(String field, String value) {
        String v = text(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            add(field, "email", "Enter an e-mail address like name@example.org.");
            return null;
        }
        return v;
    }
}
