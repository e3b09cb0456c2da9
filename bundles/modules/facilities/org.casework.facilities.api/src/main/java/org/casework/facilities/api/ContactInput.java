package org.casework.facilities.api;

/**
 * A new point of contact, or the new state of one.
 *
 * @param agency {@code ICE} or {@code CBP} (any case)
 * @param name required, at most 200 characters
 * @param email required, the shape of an e-mail address, at most 254 characters
 * @since 1.1
 */
public record ContactInput(String agency, String name, String email) {
}
