package org.casework.audit.impl.internal.alerts;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The alert rules' thresholds, checked and parsed from {@link AlertConfig}. */
public record RuleSettings(boolean viewsEnabled, int viewsLimit, Duration viewsWindow,
        boolean offHoursEnabled, Set<DayOfWeek> workDays, LocalTime workStart, LocalTime workEnd, ZoneId zone,
        Duration offHoursQuiet, boolean failuresEnabled, int failuresLimit, Duration failuresWindow,
        boolean exportsEnabled, int exportsLimit, Duration exportsWindow, int trackedMax, List<String> notifyTo) {

    /** Parses the configuration; a value it cannot read falls back to the default and is named in the log. */
    static RuleSettings of(AlertConfig c, java.util.function.Consumer<String> complaint) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : split(c.offhours_days())) {
            try {
                days.add(DayOfWeek.valueOf(longDay(d.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                complaint.accept("offhours.days: not a day of the week: " + d);
            }
        }
        if (days.isEmpty()) {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        return new RuleSettings(c.views_enabled(), Math.max(1, c.views_limit()), minutes(c.views_minutes()),
                c.offhours_enabled(), days, time(c.offhours_start(), LocalTime.of(7, 0), "offhours.start", complaint),
                time(c.offhours_end(), LocalTime.of(19, 0), "offhours.end", complaint), zone(c.offhours_zone(), complaint),
                minutes(c.offhours_quiet_minutes()), c.failures_enabled(), Math.max(1, c.failures_limit()),
                minutes(c.failures_minutes()), c.exports_enabled(), Math.max(1, c.exports_limit()),
                minutes(c.exports_minutes()), Math.max(100, c.tracked_max()), split(c.notify$()));
    }

    /** The longest window any rule looks back over. */
    Duration longestWindow() {
        Duration d = viewsWindow;
        for (Duration other : List.of(offHoursQuiet, failuresWindow, exportsWindow)) {
            if (other.compareTo(d) > 0) {
                d = other;
            }
        }
        return d;
    }

    private static String longDay(String d) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(d) && d.length() >= 2) {
                return day.name();
            }
        }
        return d;
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(Math.max(1, m));
    }

    private static LocalTime time(String s, LocalTime dflt, String name, java.util.function.Consumer<String> complaint) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            complaint.accept(name + ": not a time of day such as 07:00: " + s);
            return dflt;
        }
    }

    private static ZoneId zone(String s, java.util.function.Consumer<String> complaint) {
        try {
            return ZoneId.of(s.strip());
        } catch (DateTimeException | NullPointerException e) {
            complaint.accept("offhours.zone: not a time zone such as America/New_York: " + s);
            return ZoneId.of("America/New_York");
        }
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }
}
