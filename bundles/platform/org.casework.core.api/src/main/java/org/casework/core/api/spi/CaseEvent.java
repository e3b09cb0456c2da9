package org.casework.core.api.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.casework.core.api.Caller;

/**
 * One saved change to a case, as a {@link CaseListener} hears it.
 *
 * @param kind what happened
 * @param caller who did it
 * @param type the case type key
 * @param caseId the case's id
 * @param number the case number
 * @param status the workflow state after the change
 * @param closed whether that state marks the case inactive
 * @param assignee the assigned user after the change, or null
 * @param ownerDivision the owning division, or null
 * @param values every stored field value after the change, restricted fields included, in the
 *     shapes {@link FieldType} describes: listeners keep module data in step, they do not show it
 * @param changed the keys of the fields that changed ({@code status} or {@code assignee} for a
 *     transition or an assignment; every set field for a creation)
 * @param at when the change was saved
 */
public record CaseEvent(Kind kind, Caller caller, String type, long caseId, String number, String status,
        boolean closed, String assignee, String ownerDivision, Map<String, Object> values, Set<String> changed,
        Instant at) {

    public CaseEvent {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        changed = changed == null ? Set.of() : Set.copyOf(changed);
    }

    public enum Kind {
        CREATED, UPDATED, TRANSITIONED, ASSIGNED,
        /** The owning division changed ({@code changed} holds {@code ownerDivision}); since 1.3. */
        TRANSFERRED
    }
}
