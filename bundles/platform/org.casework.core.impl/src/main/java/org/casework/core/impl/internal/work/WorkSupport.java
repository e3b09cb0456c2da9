package org.casework.core.impl.internal.work;

import java.util.List;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.impl.internal.CaseAccess;
import org.casework.persistence.jpa.TransactionConnection;

/** Transactions and auditing shared by the work services, done the way the engine does them. */
final class WorkSupport {

    private final CaseAccess access;
    private final AuditService audit;

    WorkSupport(CaseAccess access, AuditService audit) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * Runs one public operation; refusals for lack of rights (403, and 404s that hide a case) are
     * audited as denials after the operation's transaction rolled back, so the entry survives it.
     */
    <R> R audited(Caller caller, String action, String type, Object id, Supplier<R> work) {
        try {
            return work.get();
        } catch (CaseworkException e) {
            if (e.status() == 403 || access.hidesCase(e)) {
                audit.record(caller, new AuditEvent(action, type, id == null ? null : id.toString(),
                        AuditEvent.DENIED, null, List.of(), e.getMessage()));
            }
            throw e;
        }
    }

    /** Records a successful action in the current transaction: it commits or rolls back with it. */
    void success(Caller caller, String action, String type, Object id, List<FieldChange> changes, String detail) {
        audit.record(caller, new AuditEvent(action, type, id == null ? null : id.toString(), AuditEvent.SUCCESS,
                null, changes, detail));
    }

    <R> R tx(EmFunction<R> work) {
        try {
            return access.jpa().txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
        } catch (CaseworkException e) {
            throw e;
        } catch (RuntimeException e) {
            // The transaction template may wrap what the work threw; callers need the original.
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof CaseworkException ce) {
                    throw ce;
                }
            }
            throw e;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
