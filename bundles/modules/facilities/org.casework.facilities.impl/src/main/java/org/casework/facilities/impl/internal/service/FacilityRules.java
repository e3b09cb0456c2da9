package org.casework.facilities.impl.internal.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casework.core.api.FieldError;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.FacilityInput;

/**
 * The rules for facility and contact data, shared by the JSON API and the CSV import: trims
 * text, turns blank optional text into nothing, upper-cases codes and agencies, and reports each
 * broken rule under the field's name.
 */
public final class FacilityRules {

    /** Upper-case letters, digits and inner dashes, 1 to 32 characters. */
    static final Pattern CODE = Pattern.compile("[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");
    static final List<String> AGENCIES = List.of("ICE", "CBP");
    static final int MAX_NAME = 200;
    static final int MAX_OPERATOR = 200;
    static final int MAX_TYPE = 100;
    static final int MAX_ADDRESS = 500;
    static final int MAX_AREA = 100;
    static final int MAX_CONTACT_NAME = 200;
    static final int MAX_EMAIL = 254;

    /** A facility's data after the rules: trimmed, nulls for blanks, the code upper-case. */
    public record CleanFacility(String code, String name, String operator, String facilityType,
            String address, String areaOfResponsibility, Boolean inJurisdiction, Boolean active) {
    }

    /** A contact's data after the rules. */
    public record CleanContact(String agency, String name, String email) {
    }

    private FacilityRules() {
    }

    /** The code normalised for look-ups (trimmed, upper-case); null stays null. */
    public static String normaliseCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Checks a facility. {@code withCode} says whether the code is part of the input (creation,
     * import) or given by the path (an edit).
     */
    public static CleanFacility facility(FacilityInput in, boolean withCode, List<FieldError> errors) {
        String code = null;
        if (withCode) {
            code = code("code", in.code(), errors);
        }
        return new CleanFacility(code,
                text("name", in.name(), MAX_NAME, true, errors),
                text("operator", in.operator(), MAX_OPERATOR, false, errors),
                text("facilityType", in.facilityType(), MAX_TYPE, false, errors),
                text("address", in.address(), MAX_ADDRESS, false, errors),
                text("areaOfResponsibility", in.areaOfResponsibility(), MAX_AREA, false, errors),
                in.inJurisdiction(), in.active());
    }

    /** Checks a point of contact; fields are named {@code prefix + agency|name|email}. */
    public static CleanContact contact(String prefix, ContactInput in, List<FieldError> errors) {
        String agency = null;
        if (in.agency() == null || in.agency().isBlank()) {
            errors.add(new FieldError(prefix + "agency", "required", "Choose ICE or CBP."));
        } else {
            agency = in.agency().strip().toUpperCase(Locale.ROOT);
            if (!AGENCIES.contains(agency)) {
                errors.add(new FieldError(prefix + "agency", "oneOf", "The agency must be ICE or CBP."));
            }
        }
        return new CleanContact(agency,
                text(prefix + "name", in.name(), MAX_CONTACT_NAME, true, errors),
                email(prefix + "email", in.email(), true, errors));
    }

    static String code(String field, String value, List<FieldError> errors) {
        String code = normaliseCode(value);
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError(field, "required", "Enter the facility's code."));
            return null;
        }
        if (code.length() > 32) {
            errors.add(new FieldError(field, "maxLength", "The code can be at most 32 characters."));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError(field, "pattern", "The code may hold only letters, digits "
                    + "and dashes, and cannot start or end with a dash."));
        }
        return code;
    }

    /** Checks an e-mail address; blank is allowed unless {@code required}. */
    static String email(String field, String value, boolean required, List<FieldError> errors) {
        String email = text(field, value, MAX_EMAIL, required, errors);
        if (email != null && email.length() <= MAX_EMAIL && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, "email", "Enter an e-mail address like name@example.org."));
        }
        return email;
    }

    /** Trims one line of text and checks it; returns null for blank text. */
    static String text(String field, String value, int max, boolean required, List<FieldError> errors) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "required", "Enter the " + label(field) + "."));
            }
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(field, "maxLength",
                    "The " + label(field) + " can be at most " + max + " characters."));
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            errors.add(new FieldError(field, "controlCharacters", "The " + label(field)
                    + " must be one line of text without control characters."));
        }
        return text;
    }

    private static String label(String field) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        return switch (key) {
            case "name" -> "name";
            case "operator" -> "operator";
            case "facilityType" -> "facility type";
            case "address" -> "address";
            case "areaOfResponsibility" -> "area of responsibility";
            case "email" -> "e-mail address";
            default -> key;
        };
    }
}
