package org.casework.audit.impl.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.Verification;

/** {@code casework:audit-verify}: checks the audit trail and prints intact or the first broken entry. */
@Command(scope = "casework", name = "audit-verify",
        description = "Checks the audit trail's entries and hash chain")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditService audit;

    @Override
    public Object execute() {
        Verification v = audit.verify();
        if (v.intact()) {
            System.out.println("intact: " + v.entries() + " entries");
        } else {
            System.out.println("BROKEN at position " + (v.position() == null ? "-" : v.position())
                    + ", entry " + (v.entryId() == null ? "-" : v.entryId()) + ": " + v.reason());
        }
        return null;
    }
}
