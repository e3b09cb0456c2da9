package org.casework.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which input of the portal's form fills which field of the complaint
 * case type, and back: which input a refused field is shown next to. Change the right-hand
 * sides here when the case type's keys change; the page's input names stay.
 */
final class FormMapping {

    /** How a form value becomes part of a field value. */
    private enum Shape { TEXT, LINES, MULTI }

    /** One input of the form: its name, the field key path it fills, and how. */
    private record Input(String name, String path, Shape shape, boolean identity) {
    }

    private static final List<Input> INPUTS = List.of(
            new Input("submitterName", "submitter.fullName", Shape.TEXT, true),
            new Input("submitterAliases", "submitter.aliases", Shape.LINES, true),
            new Input("submitterEmail", "submitterEmail", Shape.TEXT, true),
            new Input("submitterPhone", "submitterPhone", Shape.TEXT, true),
            new Input("submitterLine1", "submitterAddress.line1", Shape.TEXT, true),
            new Input("submitterLine2", "submitterAddress.line2", Shape.TEXT, true),
            new Input("submitterCity", "submitterAddress.city", Shape.TEXT, true),
            new Input("submitterState", "submitterAddress.state", Shape.TEXT, true),
            new Input("submitterPostalCode", "submitterAddress.postalCode", Shape.TEXT, true),
            new Input("submitterCountry", "submitterAddress.country", Shape.TEXT, true),
            new Input("detaineeName", "detainee.fullName", Shape.TEXT, false),
            new Input("detaineeAliases", "detainee.aliases", Shape.LINES, false),
            new Input("detaineeDateOfBirth", "detainee.dateOfBirth", Shape.TEXT, false),
            new Input("aNumber", "aNumber", Shape.TEXT, false),
            new Input("detaineeCountryOfBirth", "detaineeCountryOfBirth", Shape.TEXT, false),
            new Input("facility", "facility", Shape.TEXT, false),
            new Input("incidentDate", "incidentDate", Shape.TEXT, false),
            new Input("description", "description", Shape.TEXT, false),
            new Input("categories", "categories", Shape.MULTI, false),
            new Input("subjectType", "subjectType", Shape.TEXT, false),
            new Input("priorActions", "priorActions", Shape.TEXT, false));

    /** Inputs that are not complaint fields: what the portal itself needs. */
    static final String ANONYMOUS = "anonymous";
    static final String CONSENT = "consent";
    static final String PRIVACY_VERSION = "privacyStatementVersion";
    static final String PRIVACY_ACCEPTED_AT = "privacyStatementAcceptedAt";
    static final String LANGUAGE = "language";
    static final String CHALLENGE = "challenge";
    static final String NONCE = "nonce";
    /** The honeypot: hidden from people and from assistive technology, filled only by robots. */
    static final String HONEYPOT = "website";

    /** Request-level keys of {@link org.casework.complaints.api.PortalIntake}'s errors, and their inputs. */
    private static final Map<String, String> REQUEST_KEYS = Map.of(
            "consent", CONSENT,
            "privacyStatement", "privacyAccept",
            "attachments", MultipartForm.FILES_FIELD);

    private FormMapping() {
    }

    /** Every input name the page may send as a complaint field. */
    static Set<String> inputNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        INPUTS.forEach(i -> names.add(i.name()));
        return names;
    }

    /**
     * The complaint's field values from the form. Blank inputs are left out; an anonymous
     * complaint keeps none of the submitter's identity.
     */
    static Map<String, Object> fields(MultipartForm form, boolean anonymous) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Input input : INPUTS) {
            if (anonymous && input.identity()) {
                continue;
            }
            Object value = switch (input.shape()) {
                case TEXT -> trimmed(form.value(input.name()));
                case LINES -> lines(form.value(input.name()));
                case MULTI -> multi(form.values(input.name()));
            };
            if (value != null) {
                put(fields, input.path(), value);
            }
        }
        return fields;
    }

    /**
     * The form input an error's field key belongs to: {@code fields.aNumber} → {@code aNumber},
     * {@code fields.submitter} or {@code fields.submitter.fullName} → {@code submitterName},
     * {@code attachments[2]} → {@code attachments}; {@code null} when no input matches.
     */
    static String inputFor(String errorField) {
        if (errorField == null) {
            return null;
        }
        String key = errorField.replaceFirst("\\[\\d+]$", "");
        if (REQUEST_KEYS.containsKey(key)) {
            return REQUEST_KEYS.get(key);
        }
        String path = key.startsWith("fields.") ? key.substring("fields.".length()) : key;
        for (Input input : INPUTS) {
            if (input.path().equals(path)) {
                return input.name();
            }
        }
        // a whole object refused (fields.submitterAddress): its first input
        for (Input input : INPUTS) {
            if (input.path().startsWith(path + ".")) {
                return input.name();
            }
        }
        // a part of a list (fields.detainee.aliases[1]) or an unknown sub-key
        int dot = path.lastIndexOf('.');
        return dot > 0 ? inputFor("fields." + path.substring(0, dot)) : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> fields, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            fields.put(path, value);
            return;
        }
        Map<String, Object> nested = (Map<String, Object>) fields.computeIfAbsent(path.substring(0, dot),
                k -> new LinkedHashMap<String, Object>());
        nested.put(path.substring(dot + 1), value);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> lines(String value) {
        if (value == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : value.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines.isEmpty() ? null : lines;
    }

    private static List<String> multi(List<String> values) {
        List<String> kept = values.stream().filter(v -> !v.isBlank()).map(String::strip).distinct().toList();
        return kept.isEmpty() ? null : kept;
    }
}
