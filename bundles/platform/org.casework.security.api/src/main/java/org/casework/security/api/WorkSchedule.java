package org.casework.security.api;

import java.util.List;

/**
 * When a staff member normally works: the same hours on each working day, in one time zone.
 *
 * @param days the working days as {@code MON}, {@code TUE}, {@code WED}, {@code THU}, {@code FRI},
 *     {@code SAT}, {@code SUN}; at least one
 * @param start the start of the working day as {@code HH:mm}
 * @param end the end of the working day as {@code HH:mm}, after {@code start}
 * @param timeZone an IANA time zone id such as {@code Europe/Vienna}
 * @since 1.3
 */
public record WorkSchedule(List<String> days, String start, String end, String timeZone) {
}
