package org.casework.projects.impl.internal;

import java.util.List;
import java.util.Map;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.LinkRecord;
import org.casework.core.api.ValidationException;
import org.casework.projects.api.ProjectRecord;
import org.casework.projects.api.ProjectService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Projects for other modules, on top of the case engine: projects are cases of the project type,
 * so need-to-know, history and auditing are the engine's.
 */
@Component(service = ProjectService.class)
public class ProjectServiceImpl implements ProjectService {

    private final CaseService cases;
    private final AuditService audit;

    @Activate
    public ProjectServiceImpl(@Reference CaseService cases, @Reference AuditService audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public ProjectRecord get(Caller caller, long projectId) {
        return toRecord(cases.get(caller, TYPE, projectId));
    }

    @Override
    public long caseOf(Caller caller, long projectId) {
        return cases.links(caller, TYPE, projectId).stream()
                .filter(l -> PLACEHOLDER_FOR.equals(l.relation()))
                .mapToLong(LinkRecord::otherCaseId).findFirst().orElse(0L);
    }

    @Override
    public LinkRecord convertedToCase(Caller caller, long projectId, long caseId) {
        CaseRecord project = cases.get(caller, TYPE, projectId);
        if (!PLACEHOLDER.equals(project.fields().get("projectType"))) {
            throw new ValidationException("projectId", "placeholder",
                    "Project " + project.number() + " is not a placeholder for an immigration matter.");
        }
        if (caseOf(caller, projectId) != 0) {
            throw new ValidationException("projectId", "converted",
                    "Project " + project.number() + " has already become a case.");
        }
        LinkRecord link = cases.link(caller, TYPE, projectId, caseId, PLACEHOLDER_FOR);
        if (!project.closed()) {
            // Closing says the placeholder's work goes on in the case; the reason becomes a note
            // on the project, so its own record says where to look.
            cases.transition(caller, TYPE, projectId, project.version(), "close",
                    "Became case " + link.otherNumber() + " once the A-Number was known.");
        }
        audit.record(caller, new AuditEvent("update", TYPE, String.valueOf(projectId), AuditEvent.SUCCESS, null,
                List.of(), "placeholder became case " + link.otherNumber()));
        return link;
    }

    static ProjectRecord toRecord(CaseRecord c) {
        Map<String, Object> f = c.fields();
        return new ProjectRecord(c.id(), c.number(), (String) f.get("title"), (String) f.get("projectType"),
                (String) f.get("clientOffice"), c.ownerDivision(), c.status(), c.closed(), c.version());
    }
}
