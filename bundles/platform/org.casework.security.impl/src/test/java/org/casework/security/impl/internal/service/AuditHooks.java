package org.casework.security.impl.internal.service;

import org.casework.audit.api.AuditService;

/** Gives tests in other packages a {@link SecurityAudit} that writes to a service of theirs. */
public final class AuditHooks {

    private AuditHooks() {
    }

    /** A security audit writing to {@code service}. */
    public static SecurityAudit writingTo(AuditService service) {
        return new SecurityAudit(service);
    }
}
