package org.casework.audit.api;

/**
 * One field changed by an action, with its values as the engine stores them (JSON text for
 * structured values); {@code oldValue} is null on create, {@code newValue} null when cleared.
 *
 * @param field the field's key
 * @param oldValue the value before, or null
 * @param newValue the value after, or null
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
