package org.casework.core.api.spi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the engine needs to know about a kind of case: its key and labels, how its numbers
 * look, its fields, its workflow, and which roles may do what. Built with {@link #builder(String)}.
 *
 * @param key the type key used in URLs ({@code /api/v1/cases/{key}}), lower case
 * @param label the singular label, e.g. "Congressional inquiry"
 * @param pluralLabel the plural label, e.g. "Congressional inquiries"
 * @param numberPrefix the prefix of case numbers; numbers read {@code PREFIX-YYYY-NNNNNN}
 * @param titleField the key of the field that names a case in lists and headings
 * @param fields the fields in the order forms show them
 * @param workflow states and transitions
 * @param permissions for each action, the roles that may perform it (administrators always may)
 */
public record CaseTypeDefinition(String key, String label, String pluralLabel, String numberPrefix,
        String titleField, List<FieldDefinition> fields, WorkflowDefinition workflow,
        Map<CaseAction, Set<String>> permissions) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,6}");

    public CaseTypeDefinition {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid case type key: " + key);
        }
        if (numberPrefix == null || !PREFIX.matcher(numberPrefix).matches()) {
            throw new IllegalArgumentException("Case number prefix must be 1-6 capital letters");
        }
        fields = List.copyOf(fields);
        permissions = Map.copyOf(permissions);
        if (fields.stream().map(FieldDefinition::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("Duplicate field keys in " + key);
        }
        String title = titleField;
        if (title != null && fields.stream().noneMatch(f -> f.key().equals(title))) {
            throw new IllegalArgumentException("Unknown title field " + titleField);
        }
    }

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** The longest title a case keeps. */
    public static final int MAX_TITLE_LENGTH = 255;

    /**
     * The title a case with these values shows in lists: its title field's value, a person's full
     * name for a person field, cut to {@value #MAX_TITLE_LENGTH} characters; null without one.
     * Modules that copy a case's title use this so that theirs reads as the engine's.
     */
    public String title(Map<String, Object> values) {
        Object t = titleField == null || values == null ? null : values.get(titleField);
        if (t == null) {
            return null;
        }
        String title = t instanceof Map<?, ?> m && m.get("fullName") != null ? String.valueOf(m.get("fullName"))
                : String.valueOf(t);
        return title.length() > MAX_TITLE_LENGTH ? title.substring(0, MAX_TITLE_LENGTH) : title;
    }

    /** The roles granted an action; empty when nobody but administrators may perform it. */
    public Set<String> rolesFor(CaseAction action) {
        return permissions.getOrDefault(action, Set.of());
    }

    public static Builder builder(String key) {
        return new Builder(key);
    }

    /** Fluent construction of a {@link CaseTypeDefinition}. Not thread-safe; build once. */
    public static final class Builder {
        private final String key;
        private String label;
        private String pluralLabel;
        private String numberPrefix;
        private String titleField;
        private final List<FieldDefinition> fields = new ArrayList<>();
        private String initialState;
        private final List<StateDefinition> states = new ArrayList<>();
        private final List<TransitionDefinition> transitions = new ArrayList<>();
        private final Map<CaseAction, Set<String>> permissions = new EnumMap<>(CaseAction.class);

        Builder(String key) {
            this.key = key;
        }

        public Builder label(String singular, String plural) {
            this.label = singular;
            this.pluralLabel = plural;
            return this;
        }

        public Builder numberPrefix(String prefix) {
            this.numberPrefix = prefix;
            return this;
        }

        public Builder titleField(String fieldKey) {
            this.titleField = fieldKey;
            return this;
        }

        public Builder field(FieldDefinition.Builder field) {
            this.fields.add(field.build());
            return this;
        }

        /** Adds a state; the first one added is where new cases start. */
        public Builder state(String stateKey, String stateLabel) {
            return state(stateKey, stateLabel, false);
        }

        /** Adds a state that marks a case closed (inactive). */
        public Builder closedState(String stateKey, String stateLabel) {
            return state(stateKey, stateLabel, true);
        }

        private Builder state(String stateKey, String stateLabel, boolean closed) {
            if (initialState == null) {
                initialState = stateKey;
            }
            states.add(new StateDefinition(stateKey, stateLabel, closed));
            return this;
        }

        public Builder transition(String transitionKey, String transitionLabel, String to,
                String... from) {
            transitions.add(new TransitionDefinition(transitionKey, transitionLabel, Set.of(from), to,
                    Set.of(), false));
            return this;
        }

        /** A transition only some roles may make, optionally requiring a reason. */
        public Builder transition(TransitionDefinition transition) {
            transitions.add(transition);
            return this;
        }

        public Builder allow(CaseAction action, String... roles) {
            permissions.computeIfAbsent(action, a -> new LinkedHashSet<>()).addAll(List.of(roles));
            return this;
        }

        public CaseTypeDefinition build() {
            return new CaseTypeDefinition(key, label == null ? key : label,
                    pluralLabel == null ? key : pluralLabel, numberPrefix, titleField, fields,
                    new WorkflowDefinition(initialState, states, transitions), permissions);
        }
    }
}
