package org.casework.complaints.api;

/**
 * A complaint category the public may choose on the portal.
 *
 * @param key the key a complaint names in its {@code categories} field, e.g. {@code medical}
 * @param label the label administrators gave it (English)
 */
public record PortalCategory(String key, String label) {
}
