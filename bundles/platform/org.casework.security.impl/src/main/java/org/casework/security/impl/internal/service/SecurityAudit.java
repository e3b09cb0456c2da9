package org.casework.security.impl.internal.service;

import java.util.List;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes sign-in, sign-out, permission changes and refusals to the audit trail when an
 * {@link AuditService} is present; without one, the events are only logged. The service may come
 * and go at any time.
 */
@Component(service = SecurityAudit.class)
public final class SecurityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);
    static final String USER = "user";
    private static final int MAX_NAME = 64;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    public SecurityAudit() {
        // for DS; the audit service arrives through the field
    }

    /** For tests: an audit hook writing to the given service (null: none). */
    SecurityAudit(AuditService audit) {
        this.audit = audit;
    }

    /** The actor of a failed sign-in: the name as typed, or "anonymous" when it is unusable. */
    static Caller typed(String username) {
        if (username == null || username.isBlank() || username.strip().length() > MAX_NAME) {
            return Caller.system("anonymous");
        }
        String name = username.strip();
        return new Caller(name, name, Set.of(), Set.of(), false, false);
    }

    /**
     * Records an event that must not be lost along with the change it describes: called inside
     * the change's transaction, a failure to write rolls the change back.
     */
    public void recordInTransaction(Caller caller, String action, String recordId,
            List<FieldChange> changes, String detail) {
        AuditService service = audit;
        if (service != null) {
            service.record(caller, new AuditEvent(action, USER, recordId, AuditEvent.SUCCESS, null,
                    changes, detail));
        }
    }

    /**
     * Records a sign-in, sign-out or refusal. A failure to write is logged as an error for the
     * operator, and does not turn the sign-in into an outage.
     */
    public void record(Caller caller, String action, String recordId, String outcome,
            String remoteAddress, String detail) {
        AuditService service = audit;
        if (service == null) {
            return;
        }
        try {
            service.record(caller, new AuditEvent(action, USER, recordId, outcome, remoteAddress,
                    List.of(), detail));
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit entry '{}' ({}) for {}", action, outcome,
                    caller.username(), e);
        }
    }
}
