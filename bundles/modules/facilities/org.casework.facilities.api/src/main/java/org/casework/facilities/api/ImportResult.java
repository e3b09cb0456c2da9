package org.casework.facilities.api;

/**
 * What a CSV import did; it either did all of it or, on any bad line, nothing.
 *
 * @param rows the data rows read (the header not counted)
 * @param created facilities that did not exist before
 * @param updated existing facilities whose data changed
 * @param unchanged existing facilities the file repeated exactly
 * @param contactsAdded points of contact added
 * @param contactsUpdated points of contact whose name changed
 * @since 1.1
 */
public record ImportResult(int rows, int created, int updated, int unchanged, int contactsAdded,
        int contactsUpdated) {
}
