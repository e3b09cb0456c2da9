package org.casework.core.impl.internal.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import org.casework.core.api.ANumber;
import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;

/**
 * Checks and normalises field values against a case type's definition and merges them into the
 * values already stored. Pure: no I/O except through the case-reference check it is given.
 */
public final class FieldValidator {

    /** Where the values sit in a request body; error field names start with it. */
    public static final String PREFIX = "fields.";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,30}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Set<String> ADDRESS_PARTS =
            Set.of("line1", "line2", "city", "state", "postalCode", "country");
    private static final Set<String> PERSON_PARTS = Set.of("fullName", "dateOfBirth", "aliases");
    private static final int PART_LENGTH = 200;
    private static final int MAX_ALIASES = 50;

    private final Clock clock;

    public FieldValidator(Clock clock) {
        this.clock = clock;
    }

    /** The outcome: the values to store, or the errors that stop the change. */
    public record Result(Map<String, Object> values, List<FieldError> errors, Set<String> changed) {
    }

    /**
     * @param type the case type
     * @param stored the values stored now (empty for a new case)
     * @param input what the caller sent; on update only the keys present change
     * @param creating whether this is a new case (then every required field must be given)
     * @param caller who sends it: a field they may not read or edit is refused with the rule
     *     {@code forbidden}, whatever its value
     * @param caseExists tells whether a referenced case id exists and the caller may see it
     */
    public Result apply(CaseTypeDefinition type, Map<String, Object> stored, Map<String, Object> input,
            boolean creating, Caller caller, LongPredicate caseExists) {
        return apply(type, stored, input, creating, caller, caseExists, false);
    }

    /**
     * As {@link #apply(CaseTypeDefinition, Map, Map, boolean, Caller, LongPredicate)}; on an
     * existing case a changed authoritative-source field is refused with the rule
     * {@code authoritative} unless {@code authoritativeAllowed} (a correction or a source's value).
     * When opening a case such values are accepted: they are kept as entered until the source
     * gives its own.
     */
    public Result apply(CaseTypeDefinition type, Map<String, Object> stored, Map<String, Object> input,
            boolean creating, Caller caller, LongPredicate caseExists, boolean authoritativeAllowed) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Object> given = input == null ? Map.of() : input;
        for (String key : given.keySet()) {
            if (type.field(key).isEmpty()) {
                errors.add(new FieldError(PREFIX + key, "unknown",
                        "This case type has no field called \"" + key + "\"."));
            }
        }
        for (FieldDefinition field : type.fields()) {
            if (!given.containsKey(field.key())) {
                continue;
            }
            // Refused even when the value sent equals the stored one: a caller may not probe or
            // restate a value they may not see or set (no mass assignment).
            if (!field.editableBy(caller)) {
                errors.add(new FieldError(PREFIX + field.key(), "forbidden",
                        "You may not change \"" + field.label() + "\"."));
                continue;
            }
            Object raw = given.get(field.key());
            Object value = normalize(field, raw, stored.get(field.key()), errors, caseExists);
            if (!Objects.equals(value, stored.get(field.key()))) {
                // Restating the stored value is harmless (a client echoing the case back); a new
                // one would overwrite what the owning system said.
                if (field.authoritative() && !creating && !authoritativeAllowed) {
                    errors.add(new FieldError(PREFIX + field.key(), "authoritative", authoritativeMessage(field)));
                    continue;
                }
                changed.add(field.key());
            }
            if (value == null) {
                merged.remove(field.key());
            } else {
                merged.put(field.key(), value);
            }
        }
        for (FieldDefinition field : type.fields()) {
            // A field the caller may not set cannot be demanded of them.
            if (field.required() && merged.get(field.key()) == null && field.editableBy(caller)
                    && (creating || given.containsKey(field.key()))
                    && errors.stream().noneMatch(e -> e.field().startsWith(PREFIX + field.key()))) {
                errors.add(new FieldError(PREFIX + field.key(), "required",
                        "\"" + field.label() + "\" is required."));
            }
        }
        return new Result(merged, errors, changed);
    }

    /** Why a user may not change an authoritative-source field, naming its owner. */
    public static String authoritativeMessage(FieldDefinition field) {
        return "\"" + field.label() + "\" comes from " + field.authoritativeSource()
                + " and cannot be changed here. An administrator can correct it, giving a reason.";
    }

    private Object normalize(FieldDefinition f, Object raw, Object old, List<FieldError> errors,
            LongPredicate caseExists) {
        String name = PREFIX + f.key();
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        switch (f.type()) {
            case TEXT, LONG_TEXT:
                return text(name, f.label(), raw, f.effectiveMaxLength(), errors);
            case EMAIL: {
                String s = text(name, f.label(), raw, f.effectiveMaxLength(), errors);
                if (s != null && !EMAIL.matcher(s).matches()) {
                    errors.add(new FieldError(name, "email", "Enter an e-mail address like name@example.org."));
                    return null;
                }
                return s;
            }
            case PHONE: {
                String s = text(name, f.label(), raw, 30, errors);
                if (s != null && (!PHONE.matcher(s).matches() || s.chars().filter(Character::isDigit).count() < 3)) {
                    errors.add(new FieldError(name, "phone", "Enter a telephone number using digits, spaces and + - ( ) ."));
                    return null;
                }
                return s;
            }
            case NUMBER:
                return number(name, f, raw, errors);
            case DATE:
                return date(name, f.label(), raw, f.notInFuture(), errors);
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                errors.add(new FieldError(name, "type", "\"" + f.label() + "\" must be true or false."));
                return null;
            case ENUM: {
                if (raw instanceof String s && f.options().contains(s)) {
                    return s;
                }
                errors.add(new FieldError(name, "option", "\"" + f.label() + "\" must be one of "
                        + String.join(", ", f.options()) + "."));
                return null;
            }
            case A_NUMBER: {
                if (raw instanceof String s) {
                    var normal = ANumber.normalize(s);
                    if (normal.isPresent()) {
                        return normal.get();
                    }
                }
                errors.add(new FieldError(name, "aNumber",
                        "An A-Number has 7 to 9 digits, written like A123-456-789 or 123456789."));
                return null;
            }
            case ADDRESS:
                return address(name, f.label(), raw, errors);
            case PERSON:
                return person(name, f.label(), raw, old, errors);
            case CASE_REFERENCE: {
                if (raw instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue()) {
                    if (caseExists.test(n.longValue())) {
                        return n.longValue();
                    }
                    errors.add(new FieldError(name, "reference", "No case with id " + n + " was found."));
                    return null;
                }
                errors.add(new FieldError(name, "type", "\"" + f.label() + "\" must be a case id."));
                return null;
            }
            default:
                throw new IllegalStateException("Unhandled field type " + f.type());
        }
    }

    private static String text(String name, String label, Object raw, int max, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            errors.add(new FieldError(name, "type", "\"" + label + "\" must be text."));
            return null;
        }
        String v = s.strip();
        if (v.length() > max) {
            errors.add(new FieldError(name, "maxLength",
                    "\"" + label + "\" may have at most " + max + " characters."));
            return null;
        }
        if (CONTROL.matcher(v).find()) {
            errors.add(new FieldError(name, "characters", "\"" + label + "\" contains characters that are not allowed."));
            return null;
        }
        return v;
    }

    private static BigDecimal number(String name, FieldDefinition f, Object raw, List<FieldError> errors) {
        BigDecimal n;
        if (raw instanceof Number num) {
            try {
                n = new BigDecimal(num.toString());
            } catch (NumberFormatException e) {
                n = null;
            }
        } else {
            n = null;
        }
        if (n == null) {
            errors.add(new FieldError(name, "type", "\"" + f.label() + "\" must be a number."));
            return null;
        }
        if ((f.min() != null && n.compareTo(f.min()) < 0) || (f.max() != null && n.compareTo(f.max()) > 0)
                || n.abs().compareTo(new BigDecimal("1e24")) > 0) {
            errors.add(new FieldError(name, "range", "\"" + f.label() + "\" must be between "
                    + (f.min() == null ? "-1e24" : f.min().toPlainString()) + " and "
                    + (f.max() == null ? "1e24" : f.max().toPlainString()) + "."));
            return null;
        }
        return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
    }

    private String date(String name, String label, Object raw, boolean notInFuture, List<FieldError> errors) {
        if (raw instanceof String s) {
            try {
                LocalDate d = LocalDate.parse(s.strip());
                if (d.getYear() < 1800 || d.getYear() > 2999) {
                    errors.add(new FieldError(name, "range", "\"" + label + "\" is not a plausible date."));
                    return null;
                }
                if (notInFuture && d.isAfter(LocalDate.now(clock))) {
                    errors.add(new FieldError(name, "notInFuture", "\"" + label + "\" cannot be in the future."));
                    return null;
                }
                return d.toString();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(name, "date", "\"" + label + "\" must be a date written yyyy-mm-dd."));
        return null;
    }

    private static Map<String, Object> address(String name, String label, Object raw, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> m)) {
            errors.add(new FieldError(name, "type", "\"" + label + "\" must be an address object."));
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String part = String.valueOf(e.getKey());
            if (!ADDRESS_PARTS.contains(part)) {
                errors.add(new FieldError(name + "." + part, "unknown", "Addresses have no part called \"" + part + "\"."));
                continue;
            }
            if (e.getValue() == null || (e.getValue() instanceof String s && s.isBlank())) {
                continue;
            }
            String v = text(name + "." + part, label + " " + part, e.getValue(), PART_LENGTH, errors);
            if (v != null) {
                out.put(part, v);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * A person's new name never replaces the old one: the stored name and aliases are kept as
     * aliases, whatever the client sends, so nothing once known about the person is lost.
     */
    private Map<String, Object> person(String name, String label, Object raw, Object old, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> m)) {
            errors.add(new FieldError(name, "type", "\"" + label + "\" must be a person object."));
            return null;
        }
        for (Object k : m.keySet()) {
            if (!PERSON_PARTS.contains(String.valueOf(k))) {
                errors.add(new FieldError(name + "." + k, "unknown", "A person has no part called \"" + k + "\"."));
            }
        }
        String fullName = m.get("fullName") == null ? null
                : text(name + ".fullName", "Full name", m.get("fullName"), PART_LENGTH, errors);
        if (fullName == null || fullName.isBlank()) {
            if (m.get("fullName") == null) {
                errors.add(new FieldError(name + ".fullName", "required", "A person needs a full name."));
            }
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fullName", fullName);
        if (m.get("dateOfBirth") != null && !(m.get("dateOfBirth") instanceof String s && s.isBlank())) {
            String dob = date(name + ".dateOfBirth", "Date of birth", m.get("dateOfBirth"), true, errors);
            if (dob != null) {
                out.put("dateOfBirth", dob);
            }
        }
        Set<String> aliases = new LinkedHashSet<>();
        if (old instanceof Map<?, ?> previous) {
            if (previous.get("aliases") instanceof List<?> l) {
                l.forEach(a -> aliases.add(String.valueOf(a)));
            }
            Object oldName = previous.get("fullName");
            if (oldName != null && !oldName.equals(fullName)) {
                aliases.add(String.valueOf(oldName));
            }
        }
        Object given = m.get("aliases");
        if (given instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String a = text(name + ".aliases[" + i + "]", "Alias", l.get(i), PART_LENGTH, errors);
                if (a != null && !a.isBlank()) {
                    aliases.add(a);
                }
            }
        } else if (given != null) {
            errors.add(new FieldError(name + ".aliases", "type", "Aliases must be a list of names."));
        }
        aliases.remove(fullName);
        if (aliases.size() > MAX_ALIASES) {
            errors.add(new FieldError(name + ".aliases", "maxItems", "A person may have at most " + MAX_ALIASES + " aliases."));
        }
        out.put("aliases", List.copyOf(aliases));
        return out;
    }
}
