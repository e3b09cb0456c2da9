package org.casework.litigation.api;

/** A new due date as a client sends it; every part is checked and named in errors. */
public record DueDateInput(String type, String date, String description) {
}
