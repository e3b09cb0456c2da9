package org.casework.litigation.impl.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.casework.litigation.api.CalendarEntry;

/**
 * Writes hearings and due dates as an RFC 5545 calendar: text values escaped (3.3.11), lines
 * folded at 75 octets without splitting a UTF-8 character (3.1), CRLF line ends. Hearing times
 * are the court's local time, so they are written as floating times; entries without a time are
 * all-day events.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendarWriter() {
    }

    public static String write(String calendarName, List<CalendarEntry> entries, Instant now, String host) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Casework//Litigation calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        for (CalendarEntry e : entries) {
            boolean hearing = CalendarEntry.HEARING.equals(e.kind());
            LocalDate day = LocalDate.parse(e.date());
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.kind() + "-" + e.id() + "@" + host);
            line(out, "DTSTAMP:" + STAMP.format(now));
            if (hearing && e.time() != null) {
                line(out, "DTSTART:" + DAY.format(day) + "T" + e.time().replace(":", "") + "00");
                line(out, "DURATION:PT1H");
            } else {
                line(out, "DTSTART;VALUE=DATE:" + DAY.format(day));
                line(out, "DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)));
            }
            String what = hearing ? "Hearing (" + label(e.type()) + ")" : "Due: " + label(e.type());
            line(out, "SUMMARY:" + text(what + " – " + e.caseNumber() + (e.caseTitle() == null ? "" : " "
                    + e.caseTitle())));
            if (e.location() != null) {
                line(out, "LOCATION:" + text(e.location()));
            }
            StringBuilder description = new StringBuilder("Case " + e.caseNumber());
            if (e.judge() != null) {
                description.append("\nJudge: ").append(e.judge());
            }
            if (e.description() != null) {
                description.append('\n').append(e.description());
            }
            if (e.completed()) {
                description.append("\nCompleted.");
            }
            line(out, "DESCRIPTION:" + text(description.toString()));
            line(out, "CATEGORIES:" + (hearing ? "HEARING" : "DUE DATE"));
            line(out, "TRANSP:" + (hearing ? "OPAQUE" : "TRANSPARENT"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String label(String type) {
        return type == null ? "" : type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    /** A TEXT value: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
