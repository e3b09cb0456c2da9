package org.casework.facilities.api;

/**
 * A person to contact about a facility at ICE or CBP.
 *
 * @param id the contact's id
 * @param facilityCode the facility the contact speaks for
 * @param agency {@code ICE} or {@code CBP}
 * @param name the contact's name
 * @param email the contact's work e-mail address
 */
public record PointOfContact(long id, String facilityCode, String agency, String name, String email) {
}
