package org.casework.litigation.impl.internal;

import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.impl.internal.persistence.DueDateEntity;
import org.casework.litigation.impl.internal.persistence.HearingEntity;
import org.casework.litigation.impl.internal.persistence.LitCaseEntity;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps {@code lit_case}, and the case columns of hearings and due dates, in step with the
 * engine's litigation cases, inside the transaction that saves the case: an assignment, a
 * transfer to another office or a closing shows on the calendar as soon as it commits.
 */
@Component(service = CaseListener.class, property = {CaseListener.TYPES + "=" + LitigationService.IMMIGRATION,
        CaseListener.TYPES + "=" + LitigationService.FEDERAL, CaseListener.TYPES + "=" + LitigationService.ADMINISTRATIVE})
public class CaseMirror implements CaseListener {

    private final JpaTemplate jpa;
    /** Obtained on first use: see {@link LazyService} for the activation circle this avoids. */
    private final LazyService<CaseService> cases;

    @Activate
    public CaseMirror(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            BundleContext context, @Reference ServiceReference<CaseService> cases) {
        this.jpa = jpa;
        this.cases = new LazyService<>(context, cases);
    }

    @Deactivate
    void deactivate() {
        cases.close();
    }

    @Override
    public void caseSaved(CaseEvent event) {
        if (!LitigationService.CASE_TYPES.contains(event.type())) {
            return;
        }
        Transactions.required(jpa, em -> {
            LitCaseEntity row = em.find(LitCaseEntity.class, event.caseId());
            if (row == null) {
                String createdBy;
                java.time.Instant openedAt;
                if (event.kind() == CaseEvent.Kind.CREATED) {
                    createdBy = event.caller().username();
                    openedAt = event.at();
                } else {
                    // a case from before the calendar existed: ask the engine once
                    CaseRecord c = cases.get().get(org.casework.core.api.Caller.system("litigation-calendar"), event.type(),
                            event.caseId());
                    createdBy = c.createdBy();
                    openedAt = c.createdAt();
                }
                row = new LitCaseEntity(event.caseId(), event.type(), createdBy, openedAt);
                em.persist(row);
            }
            Optional<CaseTypeDefinition> def = cases.get().caseType(event.type());
            String title = def.map(d -> d.title(event.values())).orElse(null);
            boolean moved = !java.util.Objects.equals(row.getAssignee(), event.assignee())
                    || !java.util.Objects.equals(row.getDivision(), event.ownerDivision())
                    || row.isClosed() != event.closed();
            row.update(event.number(), title, event.status(), event.closed(),
                    event.assignee(), event.ownerDivision());
            if (moved && event.kind() != CaseEvent.Kind.CREATED) {
                restamp(em, row);
            }
            return null;
        });
    }

    /** Writes the case's current attorney, office and open flag onto its hearings and due dates. */
    static void restamp(EntityManager em, LitCaseEntity row) {
        // Entity by entity rather than a bulk UPDATE: EclipseLink binds a boolean in a bulk
        // update as an integer, which Derby refuses for a BOOLEAN column. A case has few rows.
        for (HearingEntity h : em.createQuery("SELECT e FROM HearingEntity e WHERE e.caseId = :id",
                HearingEntity.class).setParameter("id", row.getCaseId()).getResultList()) {
            h.setCase(row.getCaseType(), row.getDivision(), row.getAssignee(), row.getCreatedBy(), !row.isClosed());
        }
        for (DueDateEntity d : em.createQuery("SELECT e FROM DueDateEntity e WHERE e.caseId = :id",
                DueDateEntity.class).setParameter("id", row.getCaseId()).getResultList()) {
            d.setCase(row.getCaseType(), row.getDivision(), row.getAssignee(), row.getCreatedBy(), !row.isClosed());
        }
    }

    /**
     * Records a case as a hearing or due date is added to it, for cases saved before the
     * calendar existed; their older hearings and due dates get the case's columns too.
     */
    static void upsert(EntityManager em, CaseRecord c) {
        LitCaseEntity row = em.find(LitCaseEntity.class, c.id());
        boolean fresh = row == null;
        if (fresh) {
            row = new LitCaseEntity(c.id(), c.type(), c.createdBy(), c.createdAt());
            em.persist(row);
        }
        row.update(c.number(), c.title(), c.status(), c.closed(), c.assignee(), c.ownerDivision());
        if (fresh) {
            em.flush();
            restamp(em, row);
        }
    }
}
