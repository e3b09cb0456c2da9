package org.casework.litigation.impl.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.litigation.api.LitigationService;

/**
 * Need-to-know for litigation's own records: the case engine decides whether the caller may read
 * a case (a case they may not read answers 404, and the engine audits the denial); changing a
 * case's records needs the type's update role or a grant from the access policy.
 */
final class CaseAccess {

    private final CaseService cases;
    private final AuditService audit;
    private final Supplier<AccessPolicy> policy;

    CaseAccess(CaseService cases, AuditService audit, Supplier<AccessPolicy> policy) {
        this.cases = cases;
        this.audit = audit;
        this.policy = policy;
    }

    /** The litigation case with this id as the caller may read it; 404 otherwise. */
    CaseRecord readable(Caller caller, long caseId, String what) {
        Set<String> usable = cases.caseTypes(caller).stream().map(CaseTypeDefinition::key)
                .collect(Collectors.toSet());
        for (String type : LitigationService.CASE_TYPES) {
            if (!usable.contains(type)) {
                continue;
            }
            try {
                return cases.get(caller, type, caseId);
            } catch (NotFoundException e) {
                // not this type, or hidden from the caller: the engine audited a hidden one
            }
        }
        if (usable.stream().noneMatch(LitigationService.CASE_TYPES::contains)) {
            audit.record(caller, new AuditEvent("view", "litigation", String.valueOf(caseId), AuditEvent.DENIED,
                    null, List.of(), what));
        }
        throw new NotFoundException("Case " + caseId);
    }

    /** A case the caller may read and change: 404 when they may not read it, 403 when only that. */
    CaseRecord changeable(Caller caller, long caseId, String what) {
        CaseRecord c = readable(caller, caseId, what);
        if (!mayUpdate(caller, c)) {
            audit.record(caller, new AuditEvent("update", c.type(), String.valueOf(caseId), AuditEvent.DENIED, null,
                    List.of(), what));
            throw new ForbiddenException("You may not change this case's " + what.replace('-', ' ') + ".");
        }
        return c;
    }

    private boolean mayUpdate(Caller caller, CaseRecord c) {
        if (caller.isAdmin()) {
            return true;
        }
        Optional<CaseTypeDefinition> def = cases.caseType(c.type());
        if (def.isPresent() && caller.hasAnyRole(def.get().rolesFor(CaseAction.UPDATE))) {
            return true;
        }
        AccessPolicy p = policy.get();
        return p != null && p.permits(caller, "update", new RecordRef("case." + c.type(), String.valueOf(c.id()),
                c.ownerDivision(), c.createdBy(), c.assignee()));
    }
}
