package org.casework.core.api;

/**
 * One reason input was refused.
 *
 * @param field the field's key as the client sent it (dotted for nested values, e.g.
 *     {@code constituent.fullName}); {@code null} when the error concerns the whole request
 * @param rule a stable machine key for the rule broken, e.g. {@code required}, {@code maxLength}
 * @param message a sentence a case analyst understands
 */
public record FieldError(String field, String rule, String message) {
}
