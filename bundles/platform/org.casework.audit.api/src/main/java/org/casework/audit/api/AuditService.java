package org.casework.audit.api;

import org.casework.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, tamper-evident audit trail. Thread-safe.
 */
@ProviderType
public interface AuditService {

    /**
     * Records what {@code caller} did. When a JTA transaction is active on the calling thread the
     * entry is written in it: it commits with the change it describes and disappears if that
     * rolls back. Otherwise the entry is written in a transaction of its own. Never blocks on
     * other writers beyond the insert itself.
     *
     * @throws RuntimeException when the entry cannot be written; callers let it roll back their
     *     transaction, so that nothing happens unaudited
     */
    void record(Caller caller, AuditEvent event);

    /** Searches the trail, newest first. */
    AuditPage search(AuditQuery query);

    /** Every entry about one record, oldest first. */
    java.util.List<AuditEntry> history(String recordType, String recordId);

    /**
     * Chains the committed entries not yet chained, then checks every entry's own hash and the
     * chain from the first position to the last.
     *
     * @return intact, or the first broken entry and why
     */
    Verification verify();
}
