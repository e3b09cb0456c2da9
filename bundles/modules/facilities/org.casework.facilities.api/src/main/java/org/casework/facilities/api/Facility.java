package org.casework.facilities.api;

/**
 * A detention facility.
 *
 * @param code the stable short key other records refer to (upper-case letters, digits and dashes)
 * @param name the facility's name
 * @param operator who runs it (e.g. ICE, a county, a contractor)
 * @param facilityType the kind of facility (e.g. service processing center, intergovernmental agreement)
 * @param address street, city, state and postal code in one line
 * @param areaOfResponsibility the ICE or CBP area of responsibility it belongs to
 * @param inJurisdiction whether the office's oversight covers it; complaints about a facility outside
 *     it are referred rather than accepted
 * @param active false once the facility closed; kept so old records still name it
 */
public record Facility(String code, String name, String operator, String facilityType, String address,
        String areaOfResponsibility, boolean inJurisdiction, boolean active) {
}
