package org.casework.audit.api;

import java.util.List;
import java.util.Objects;

/**
 * What happened, as a module reports it to {@link AuditService#record}. Holds identifiers and
 * field names, and values only where reconstructing a record's history needs them.
 *
 * @param action one of {@code logon}, {@code logon-failed}, {@code logout}, {@code create},
 *     {@code view}, {@code update}, {@code transition}, {@code search}, {@code export},
 *     {@code permission-change}, {@code denied} (modules may add their own, lower case)
 * @param recordType the kind of record, e.g. a case type key or {@code user}; null when none
 * @param recordId the record's identifier; null when none
 * @param outcome {@code success}, {@code denied} or {@code failed}
 * @param remoteAddress the client's network address, or null when not known
 * @param changes the fields changed, in order; empty when nothing changed
 * @param detail a short free text (e.g. the query of a search), or null
 */
public record AuditEvent(String action, String recordType, String recordId, String outcome,
        String remoteAddress, List<FieldChange> changes, String detail) {

    /** Outcome of an action that was carried out. */
    public static final String SUCCESS = "success";
    /** Outcome of an action refused for lack of rights. */
    public static final String DENIED = "denied";
    /** Outcome of an action that was attempted and failed. */
    public static final String FAILED = "failed";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A successful action on a record, without field changes. */
    public static AuditEvent success(String action, String recordType, String recordId, String detail) {
        return new AuditEvent(action, recordType, recordId, SUCCESS, null, List.of(), detail);
    }
}
