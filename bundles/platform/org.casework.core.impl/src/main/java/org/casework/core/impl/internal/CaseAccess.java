package org.casework.core.impl.internal;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.impl.internal.persistence.CaseEntity;

/**
 * The engine's need-to-know decisions on one case, for the bundle's other services (time entries,
 * case team, events) so that they answer exactly as the engine does. Call inside a transaction of
 * the engine's persistence unit ({@link #jpa()}).
 */
public interface CaseAccess {

    /** The engine's persistence unit, to run work in the same transaction as the checks. */
    JpaTemplate jpa();

    /** The type, if the caller may use it at all; else not found. */
    CaseTypeDefinition usableType(Caller caller, String type);

    /** The case if the caller may read it; otherwise a not-found (as if it did not exist). */
    CaseEntity readable(EntityManager em, Caller caller, CaseTypeDefinition def, long id);

    /** The case if the caller may change it: not found when they may not read it, 403 when only that. */
    CaseEntity changeable(EntityManager em, Caller caller, CaseTypeDefinition def, long id);

    /** Whether the error hides a case the caller may not read: such refusals are audited as denials. */
    boolean hidesCase(CaseworkException e);
}
