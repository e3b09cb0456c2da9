package org.casework.projects.api;

import java.util.List;

import org.casework.core.api.Caller;
import org.casework.core.api.LinkRecord;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What other modules may do with projects. Every method runs in the caller's JTA transaction when
 * there is one (so a module can make a project change part of its own), checks need-to-know like
 * the case engine (a project the caller may not read answers
 * {@link org.casework.core.api.NotFoundException}) and is audited.
 */
@ProviderType
public interface ProjectService {

    /** The case type key of projects. */
    String TYPE = "project";

    /** The project type of a placeholder for an immigration matter whose A-Number is not known yet. */
    String PLACEHOLDER = "IMMIGRATION_PLACEHOLDER";

    /** The project types, in the order the console offers them. */
    List<String> PROJECT_TYPES = List.of("LEGAL_ADVICE", "POLICY_REVIEW", "BUDGET", "TASKING",
            "CONGRESSIONAL_INQUIRY", PLACEHOLDER, "OTHER");

    /** The link relation from a placeholder project to the case it became. */
    String PLACEHOLDER_FOR = "placeholder-for";

    /**
     * One project.
     *
     * @throws org.casework.core.api.NotFoundException when there is none or the caller may not read it
     */
    ProjectRecord get(Caller caller, long projectId);

    /**
     * The case a placeholder project became, if it became one the caller may read; 0 otherwise.
     */
    long caseOf(Caller caller, long projectId);

    /**
     * Records that a placeholder project became a case: links the two (relation
     * {@value #PLACEHOLDER_FOR}), so the project's notes, attachments and history are reachable
     * from the case, and moves the project to the state "Became a case".
     *
     * @throws org.casework.core.api.ValidationException naming {@code projectId} when the project is
     *     not a placeholder, or already became a case
     * @throws org.casework.core.api.ForbiddenException when the caller may read but not change the project
     */
    LinkRecord convertedToCase(Caller caller, long projectId, long caseId);
}
