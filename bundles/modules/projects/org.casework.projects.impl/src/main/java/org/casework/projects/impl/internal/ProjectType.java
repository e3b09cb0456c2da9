package org.casework.projects.impl.internal;

import java.util.List;
import java.util.Map;

import org.casework.core.api.FieldError;
import org.casework.core.api.Roles;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.ConsoleModule;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.projects.api.ProjectService;
import org.osgi.service.component.annotations.Component;

/**
 * The project case type. Who may do what comes from the roles' data ({@code case.project}: create,
 * and read/update within the owning division), so a project is seen only by its division and the
 * users its creator grants it to.
 */
@Component(service = {CaseType.class, ModuleDescriptor.class, ConsoleModule.class},
        property = CaseType.PROPERTY + "=" + ProjectService.TYPE)
public class ProjectType implements CaseType, ModuleDescriptor, ConsoleModule {

    static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder(ProjectService.TYPE)
            .label("Project", "Projects")
            .numberPrefix("PRJ")
            .titleField("title")
            .field(FieldDefinition.text("title", "Title").required().maxLength(200).searchable().listed())
            .field(FieldDefinition.enumeration("projectType", "Project type",
                    ProjectService.PROJECT_TYPES.toArray(String[]::new)).required().listed()
                    .help("A placeholder for an immigration matter becomes an immigration case once the "
                            + "A-Number is known; everything on it stays reachable from the case."))
            .field(FieldDefinition.text("clientOffice", "Client office").maxLength(200).searchable().listed())
            .field(FieldDefinition.longText("description", "Description").searchable())
            .field(FieldDefinition.person("person", "Person concerned")
                    .help("For a placeholder: the person the immigration matter is about."))
            .field(FieldDefinition.date("dueOn", "Due on"))
            .state("OPEN", "Open")
            .state("IN_PROGRESS", "In progress")
            .closedState("CLOSED", "Closed")
            .transition("start", "Start work", "IN_PROGRESS", "OPEN")
            .transition("close", "Close", "CLOSED", "OPEN", "IN_PROGRESS")
            .transition("reopen", "Reopen", "IN_PROGRESS", "CLOSED")
            .build();

    @Override
    public CaseTypeDefinition definition() {
        return DEFINITION;
    }

    /** A placeholder is about a person: without one it could never become their case. */
    @Override
    public void validate(Map<String, Object> values, List<FieldError> errors) {
        if (ProjectService.PLACEHOLDER.equals(values.get("projectType")) && values.get("person") == null) {
            errors.add(new FieldError("fields.person", "required",
                    "A placeholder for an immigration matter names the person it is about."));
        }
    }

    @Override
    public String key() {
        return ProjectService.TYPE;
    }

    @Override
    public String name() {
        return "Projects";
    }

    @Override
    public String label() {
        return DEFINITION.pluralLabel();
    }

    @Override
    public String entryPath() {
        return "#/cases/" + ProjectService.TYPE;
    }

    @Override
    public String requiredRole() {
        return Roles.STAFF;
    }
}
