package org.casework.facilities.api;

/**
 * A new facility, or the new state of an existing one. Text is trimmed; blank optional text is
 * stored as nothing.
 *
 * @param code the key; required when creating, ignored (the path names it) when editing
 * @param name required, at most 200 characters
 * @param operator at most 200 characters
 * @param facilityType at most 100 characters
 * @param address one line, at most 500 characters
 * @param areaOfResponsibility at most 100 characters
 * @param inJurisdiction null means true when creating, unchanged when editing
 * @param active null means true when creating, unchanged when editing
 * @param version the version read; required when editing, ignored when creating
 * @since 1.1
 */
public record FacilityInput(String code, String name, String operator, String facilityType,
        String address, String areaOfResponsibility, Boolean inJurisdiction, Boolean active,
        Long version) {
}
