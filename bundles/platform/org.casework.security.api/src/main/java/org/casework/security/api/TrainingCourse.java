package org.casework.security.api;

/**
 * A course of the training catalogue, configured by the operator.
 *
 * @param key the course's stable key, e.g. {@code privacy-security}
 * @param title the name shown to users
 * @param validityMonths how long a completion counts; 0 when it never expires
 * @param mandatory whether every active staff member must hold a valid completion
 * @since 1.3
 */
public record TrainingCourse(String key, String title, int validityMonths, boolean mandatory) {
}
