package org.casework.litigation.api;

/**
 * A new or changed due date as a client sends it; every part is checked and named in errors.
 *
 * @param completed whether what was due has been done; null keeps it as it is (false for a new one)
 */
public record DueDateInput(String type, String date, String description, Boolean completed) {

    /** A due date without the completed flag (version 1.0 of this package). */
    public DueDateInput(String type, String date, String description) {
        this(type, date, description, null);
    }
}
