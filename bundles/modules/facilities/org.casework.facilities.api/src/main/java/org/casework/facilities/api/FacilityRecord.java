package org.casework.facilities.api;

import java.time.Instant;

/**
 * A facility as administrators see and edit it: the reference data plus what an edit needs.
 *
 * @param code the stable short key (upper-case letters, digits and dashes)
 * @param name the facility's name
 * @param operator who runs it, or null
 * @param facilityType the kind of facility, or null
 * @param address the address in one line, or null
 * @param areaOfResponsibility the ICE or CBP area of responsibility, or null
 * @param inJurisdiction whether the office's oversight covers it
 * @param active false once deactivated
 * @param version the version to send back with an edit; an edit of an older version is refused
 * @param updatedAt when it was last changed
 * @param updatedBy who last changed it
 * @since 1.1
 */
public record FacilityRecord(String code, String name, String operator, String facilityType,
        String address, String areaOfResponsibility, boolean inJurisdiction, boolean active,
        long version, Instant updatedAt, String updatedBy) {

    /** The reference data without the edit bookkeeping. */
    public Facility facility() {
        return new Facility(code, name, operator, facilityType, address, areaOfResponsibility,
                inJurisdiction, active);
    }
}
