package org.casework.facilities.api;

/**
 * What to list.
 *
 * @param text words to find in the code, name, operator, type, address or area of
 *     responsibility (case-insensitive, every word must occur); null or blank for all
 * @param active only active (true) or only inactive (false) facilities; null for both
 * @param inJurisdiction only facilities in (true) or out of (false) jurisdiction; null for both
 * @param sort one of {@link #SORT_KEYS}; null sorts by name
 * @param descending reverses the order
 * @param page zero-based page number
 * @param size page size, 1 to {@link #MAX_SIZE}
 * @since 1.1
 */
public record FacilityQuery(String text, Boolean active, Boolean inJurisdiction, String sort,
        boolean descending, int page, int size) {

    /** The keys a list may be sorted by. */
    public static final java.util.List<String> SORT_KEYS = java.util.List.of("code", "name",
            "operator", "facilityType", "areaOfResponsibility", "inJurisdiction", "active",
            "updatedAt");

    /** The largest page. */
    public static final int MAX_SIZE = 200;
}
