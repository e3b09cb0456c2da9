package org.casework.core.impl.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditPage;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.Verification;
import org.casework.core.api.Caller;

/** An in-memory audit trail for unit tests: keeps what was recorded, in order. */
final class RecordingAuditService implements AuditService {

    /** One recorded call. */
    record Recorded(String actor, AuditEvent event) {
    }

    final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void record(Caller caller, AuditEvent event) {
        recorded.add(new Recorded(caller.username(), event));
    }

    @Override
    public AuditPage search(AuditQuery query) {
        return new AuditPage(List.of(), 0, query.page(), query.size());
    }

    @Override
    public List<AuditEntry> history(String recordType, String recordId) {
        return List.of();
    }

    @Override
    public Verification verify() {
        return Verification.ok(recorded.size());
    }
}
