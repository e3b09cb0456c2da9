package org.casework.litigation.api;

/**
 * One hearing or due date on a calendar, with the case it belongs to.
 *
 * @param kind {@code hearing} or {@code due-date}
 * @param id the hearing's or due date's id
 * @param caseId the case's id
 * @param caseType the case type key
 * @param caseNumber the case number
 * @param caseTitle the case's title, or null
 * @param date the day, {@code yyyy-mm-dd}
 * @param time {@code HH:mm} for a hearing whose time is known, else null
 * @param type the hearing's or due date's type
 * @param location the hearing's place, or null
 * @param judge the hearing's judge, or null
 * @param description the due date's description, or null
 * @param completed whether a due date has been met (always false for a hearing)
 * @param attorney the case's attorney (assignee), or null
 * @param office the case's owning division, or null
 */
public record CalendarEntry(String kind, long id, long caseId, String caseType, String caseNumber, String caseTitle,
        String date, String time, String type, String location, String judge, String description, boolean completed,
        String attorney, String office) {

    public static final String HEARING = "hearing";
    public static final String DUE_DATE = "due-date";
}
