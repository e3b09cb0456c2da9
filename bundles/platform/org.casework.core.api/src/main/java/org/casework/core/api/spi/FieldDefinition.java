package org.casework.core.api.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.casework.core.api.Caller;

/**
 * One field of a case type: its key in JSON, its label, its kind and the rules a value must meet.
 * Build one with the static factories and the {@link Builder}, e.g.
 * {@code FieldDefinition.text("member", "Member of Congress").required().maxLength(120)}.
 *
 * @param key the JSON property name; letters and digits, starting with a lower-case letter
 * @param label the label shown next to the input
 * @param type the kind of value
 * @param required whether a value must be present
 * @param maxLength the longest text accepted (TEXT, LONG_TEXT, EMAIL, PHONE); null for the default
 * @param min the smallest number accepted (NUMBER), or null
 * @param max the largest number accepted (NUMBER), or null
 * @param options the accepted option keys (ENUM)
 * @param notInFuture for DATE: dates after today are refused
 * @param searchable whether free-text search and field filters look at this field
 * @param listed whether the console shows this field as a column in case lists
 * @param editRoles principals that may set this field: a role key, or {@code division:<name>} for
 *     the members of a division; empty means anyone who may update the case
 * @param help a hint shown under the input, or null
 * @param readRestrictedTo principals (as in {@code editRoles}) that may see this field; empty means
 *     anyone who may read the case. Others never receive the field's value, cannot filter, sort or
 *     word-search on it, and cannot write it
 * @param authoritativeSource the name of the external system that owns the field's value (e.g.
 *     {@code EID}), or null for a field users keep. Users may give such a value when they open a
 *     case (it is kept as entered, provisional, until the source gives one) but never change it
 *     afterwards; the source's connector supplies it and an administrator may correct it with a
 *     reason. Each value carries its {@link org.casework.core.api.FieldProvenance}.
 */
public record FieldDefinition(String key, String label, FieldType type, boolean required,
        Integer maxLength, BigDecimal min, BigDecimal max, List<String> options, boolean notInFuture,
        boolean searchable, boolean listed, Set<String> editRoles, String help, Set<String> readRestrictedTo,
        String authoritativeSource) {

    /** Prefix of a principal that names a division rather than a role. */
    public static final String DIVISION_PRINCIPAL = "division:";

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
    /** Names of authoritative sources: what connectors register under, e.g. {@code EID}. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    /** The longest single-line text accepted when a field sets no limit. */
    public static final int DEFAULT_TEXT_LENGTH = 255;
    /** The longest multi-line text accepted when a field sets no limit. */
    public static final int DEFAULT_LONG_TEXT_LENGTH = 20_000;

    public FieldDefinition {
        Objects.requireNonNull(type, "type");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid field key: " + key);
        }
        label = label == null ? key : label;
        options = List.copyOf(options == null ? List.of() : options);
        editRoles = Set.copyOf(editRoles == null ? Set.of() : editRoles);
        readRestrictedTo = Set.copyOf(readRestrictedTo == null ? Set.of() : readRestrictedTo);
        if (type == FieldType.ENUM && options.isEmpty()) {
            throw new IllegalArgumentException("Enum field " + key + " needs options");
        }
        if (authoritativeSource != null && !SOURCE_NAME.matcher(authoritativeSource).matches()) {
            throw new IllegalArgumentException("Invalid source name for field " + key + ": " + authoritativeSource);
        }
    }

    /** A field users keep (the shape of version 1.2 of this package). */
    public FieldDefinition(String key, String label, FieldType type, boolean required,
            Integer maxLength, BigDecimal min, BigDecimal max, List<String> options, boolean notInFuture,
            boolean searchable, boolean listed, Set<String> editRoles, String help, Set<String> readRestrictedTo) {
        this(key, label, type, required, maxLength, min, max, options, notInFuture, searchable, listed,
                editRoles, help, readRestrictedTo, null);
    }

    /** A field without read restriction (the shape of version 1.0 of this package). */
    public FieldDefinition(String key, String label, FieldType type, boolean required,
            Integer maxLength, BigDecimal min, BigDecimal max, List<String> options, boolean notInFuture,
            boolean searchable, boolean listed, Set<String> editRoles, String help) {
        this(key, label, type, required, maxLength, min, max, options, notInFuture, searchable, listed,
                editRoles, help, Set.of(), null);
    }

    /** Whether an external system owns this field's value (see {@link #authoritativeSource()}). */
    public boolean authoritative() {
        return authoritativeSource != null;
    }

    /** Whether only some principals may see this field. */
    public boolean readRestricted() {
        return !readRestrictedTo.isEmpty();
    }

    /**
     * Whether the caller may see this field's value: administrators always, others when the field
     * is not restricted or they hold one of {@link #readRestrictedTo()}.
     */
    public boolean readableBy(Caller caller) {
        return caller.isAdmin() || readRestrictedTo.isEmpty() || holdsAny(caller, readRestrictedTo);
    }

    /**
     * Whether the caller may set this field (given they may update the case): they must be able to
     * read it and, when {@link #editRoles()} is not empty, hold one of its principals.
     * Administrators always may.
     */
    public boolean editableBy(Caller caller) {
        return caller.isAdmin()
                || readableBy(caller) && (editRoles.isEmpty() || holdsAny(caller, editRoles));
    }

    /** Whether the caller holds the principal: a role key, or {@code division:<name>}. */
    public static boolean holds(Caller caller, String principal) {
        if (principal.startsWith(DIVISION_PRINCIPAL)) {
            return caller.divisions().contains(principal.substring(DIVISION_PRINCIPAL.length()));
        }
        return caller.roles().contains(principal);
    }

    private static boolean holdsAny(Caller caller, Set<String> principals) {
        for (String p : principals) {
            if (holds(caller, p)) {
                return true;
            }
        }
        return false;
    }

    /** The effective maximum length for text-like fields. */
    public int effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == FieldType.LONG_TEXT ? DEFAULT_LONG_TEXT_LENGTH : DEFAULT_TEXT_LENGTH;
    }

    public static Builder text(String key, String label) {
        return new Builder(key, label, FieldType.TEXT);
    }

    public static Builder longText(String key, String label) {
        return new Builder(key, label, FieldType.LONG_TEXT);
    }

    public static Builder number(String key, String label) {
        return new Builder(key, label, FieldType.NUMBER);
    }

    public static Builder date(String key, String label) {
        return new Builder(key, label, FieldType.DATE);
    }

    public static Builder bool(String key, String label) {
        return new Builder(key, label, FieldType.BOOLEAN);
    }

    public static Builder enumeration(String key, String label, String... options) {
        return new Builder(key, label, FieldType.ENUM).options(options);
    }

    public static Builder email(String key, String label) {
        return new Builder(key, label, FieldType.EMAIL);
    }

    public static Builder phone(String key, String label) {
        return new Builder(key, label, FieldType.PHONE);
    }

    public static Builder aNumber(String key, String label) {
        return new Builder(key, label, FieldType.A_NUMBER).searchable();
    }

    public static Builder person(String key, String label) {
        return new Builder(key, label, FieldType.PERSON).searchable();
    }

    public static Builder address(String key, String label) {
        return new Builder(key, label, FieldType.ADDRESS);
    }

    public static Builder caseReference(String key, String label) {
        return new Builder(key, label, FieldType.CASE_REFERENCE);
    }

    /** Fluent construction of a {@link FieldDefinition}. Not thread-safe; build once. */
    public static final class Builder {
        private final String key;
        private final String label;
        private final FieldType type;
        private boolean required;
        private Integer maxLength;
        private BigDecimal min;
        private BigDecimal max;
        private final List<String> options = new ArrayList<>();
        private boolean notInFuture;
        private boolean searchable;
        private boolean listed;
        private final Set<String> editRoles = new LinkedHashSet<>();
        private final Set<String> readRestrictedTo = new LinkedHashSet<>();
        private String help;
        private String authoritativeSource;

        Builder(String key, String label, FieldType type) {
            this.key = key;
            this.label = label;
            this.type = type;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder maxLength(int length) {
            this.maxLength = length;
            return this;
        }

        public Builder range(long minimum, long maximum) {
            this.min = BigDecimal.valueOf(minimum);
            this.max = BigDecimal.valueOf(maximum);
            return this;
        }

        public Builder options(String... keys) {
            this.options.addAll(List.of(keys));
            return this;
        }

        public Builder notInFuture() {
            this.notInFuture = true;
            return this;
        }

        public Builder searchable() {
            this.searchable = true;
            return this;
        }

        public Builder listed() {
            return listed(true);
        }

        Builder listed(boolean value) {
            this.listed = value;
            return this;
        }

        /**
         * Only callers holding one of these principals may set the field: a role key, or
         * {@code division:<name>} for the members of a division.
         */
        public Builder editableBy(String... principals) {
            this.editRoles.addAll(List.of(principals));
            return this;
        }

        /**
         * Only callers holding one of these principals (a role key, or {@code division:<name>})
         * may see the field; nobody else may set it either. Do not combine with
         * {@link #required()}: others could not open a case.
         */
        public Builder readableOnlyBy(String... principals) {
            this.readRestrictedTo.addAll(List.of(principals));
            return this;
        }

        public Builder help(String text) {
            this.help = text;
            return this;
        }

        /**
         * The named external system (e.g. {@code EID}) owns the field's value: users may give it
         * only when opening a case, its connector supplies it, an administrator may correct it.
         * The name is what the source's {@link AuthoritativeSource} service registers under.
         *
         * @since 1.3
         */
        public Builder authoritativeSource(String sourceName) {
            this.authoritativeSource = sourceName;
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(key, label, type, required, maxLength, min, max, options,
                    notInFuture, searchable, listed, editRoles, help, readRestrictedTo, authoritativeSource);
        }
    }
}
