package org.casework.projects.api;

/**
 * A project as its reader sees it.
 *
 * @param id the project's case id (projects are cases of type {@value ProjectService#TYPE})
 * @param number the project number, e.g. PRJ-2026-000050
 * @param title what the project is about
 * @param projectType one of {@link ProjectService#PROJECT_TYPES}
 * @param clientOffice the office the work is done for, or null
 * @param ownerDivision the division that owns the project, or null
 * @param status the workflow state
 * @param closed whether that state is inactive
 * @param version the version to send with a change
 */
public record ProjectRecord(long id, String number, String title, String projectType, String clientOffice,
        String ownerDivision, String status, boolean closed, long version) {
}
