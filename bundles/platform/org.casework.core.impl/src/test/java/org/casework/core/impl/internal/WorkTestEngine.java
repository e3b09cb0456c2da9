package org.casework.core.impl.internal;

import java.time.Clock;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.audit.api.AuditService;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;

/** A case engine for the work services' tests, which live in another package. */
public final class WorkTestEngine {

    private WorkTestEngine() {
    }

    public static CaseEngine engine(JpaTemplate jpa, CaseTypeDefinition type, AuditService audit, Clock clock) {
        CaseTypeRegistry registry = new CaseTypeRegistry();
        registry.addCaseType(() -> type, Map.of(CaseType.PROPERTY, type.key()));
        return new CaseEngine(jpa, registry, audit, new FakeAccessPolicy(), CaseEngineTest.config(1024), clock);
    }
}
