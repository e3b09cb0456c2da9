package org.casework.core.api.work;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dated event in a case's life that is not a change of the case itself: a meeting, a
 * deliverable, a briefing, correspondence.
 *
 * @param eventDate the day it happened or will happen
 * @param kind one of the configured event kinds, as shipped {@code meeting}, {@code deadline},
 *     {@code milestone}, {@code briefing}, {@code correspondence}, {@code other}
 * @param description what it is about
 */
public record CaseDiaryEvent(long id, long caseId, LocalDate eventDate, String kind, String description,
        Instant createdAt, String createdBy) {
}
