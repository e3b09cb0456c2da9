package org.casework.litigation.api;

/** A new or changed hearing as a client sends it; every part is checked and named in errors. */
public record HearingInput(String date, String time, String location, String type, String judge) {
}
