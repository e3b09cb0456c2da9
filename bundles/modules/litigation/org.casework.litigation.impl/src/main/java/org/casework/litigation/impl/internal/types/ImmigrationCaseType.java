package org.casework.litigation.impl.internal.types;

import java.util.List;
import java.util.Map;

import org.casework.core.api.FieldError;
import org.casework.core.api.Roles;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.ConsoleModule;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.litigation.api.LitigationService;
import org.osgi.service.component.annotations.Component;

/**
 * Immigration court cases, one per A-Number (the {@code ANumberIndex} keeps it so). Who may do
 * what comes from the roles' data ({@code case.immigration-case}): attorneys and support staff of
 * every office read and change them, external read-only users (ERO, HSI) only read them.
 */
@Component(service = {CaseType.class, ModuleDescriptor.class, ConsoleModule.class},
        property = CaseType.PROPERTY + "=" + LitigationService.IMMIGRATION)
public class ImmigrationCaseType implements CaseType, ModuleDescriptor, ConsoleModule {

    /** The division whose members alone may set the national-security fields. */
    public static final String NSLS = FieldDefinition.DIVISION_PRINCIPAL + "nsls";
    /** The ICE enforcement system that owns custody status. */
    public static final String EID = "EID";
    /** The immigration records system that owns the A-Number. */
    public static final String IRIES = "IRIES";

    static final String NO_A_NUMBER = "An immigration case is opened with the person's A-Number. If it is not known "
            + "yet, open a project of type \"Placeholder for an immigration matter\" (POST /api/v1/cases/project, "
            + "projectType IMMIGRATION_PLACEHOLDER) and turn it into this case when the A-Number arrives "
            + "(POST /api/v1/litigation/immigration-cases/from-project/{projectId}): nothing on it is lost.";

    public static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder(LitigationService.IMMIGRATION)
            .label("Immigration case", "Immigration cases")
            .numberPrefix("IMM")
            .titleField("respondent")
            // Not required() here: validate() refuses a missing A-Number with a message that
            // offers the placeholder project, which the generic "required" message cannot.
            // IRIES owns the A-Number and EID the custody status: what is entered when the case
            // is opened stands until the source gives its value; afterwards only the source or an
            // administrator's correction changes them.
            .field(FieldDefinition.aNumber("aNumber", "A-Number").searchable().listed().authoritativeSource(IRIES)
                    .help("Required. One case per A-Number: look it up first (GET /api/v1/litigation/a-numbers/{aNumber})."))
            .field(FieldDefinition.person("respondent", "Respondent").required().searchable().listed()
                    .help("A new name is kept with the earlier ones as also-known-as names."))
            .field(FieldDefinition.text("nationality", "Nationality").maxLength(100).searchable())
            .field(FieldDefinition.text("language", "Language").maxLength(100))
            .field(FieldDefinition.address("address", "Address"))
            .field(FieldDefinition.phone("phone", "Phone"))
            .field(FieldDefinition.enumeration("custodyStatus", "Custody status",
                    "DETAINED", "RELEASED", "NOT_DETAINED", "REMOVED", "UNKNOWN").listed().authoritativeSource(EID))
            .field(FieldDefinition.text("aFileLocation", "A-File location").maxLength(200))
            .field(FieldDefinition.text("court", "Immigration court").maxLength(200).searchable())
            .field(FieldDefinition.enumeration("proceedingLevel", "Level", "IMMIGRATION_JUDGE", "BIA",
                    "FEDERAL_COURT"))
            .field(FieldDefinition.bool("nationalSecurityConcern", "National security concern").editableBy(NSLS)
                    .help("Set only by the National Security Law Section."))
            .field(FieldDefinition.longText("nationalSecurityNotes", "National security notes").editableBy(NSLS)
                    .help("Set only by the National Security Law Section."))
            .state("OPEN", "Open")
            .state("ON_APPEAL", "On appeal")
            .closedState("CLOSED", "Closed")
            .transition("appeal", "Appeal", "ON_APPEAL", "OPEN")
            .transition("close", "Close", "CLOSED", "OPEN", "ON_APPEAL")
            .transition("reopen", "Reopen", "OPEN", "CLOSED")
            .build();

    @Override
    public CaseTypeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void validate(Map<String, Object> values, List<FieldError> errors) {
        if (values.get("aNumber") == null) {
            errors.add(new FieldError("fields.aNumber", "required", NO_A_NUMBER));
        }
    }

    @Override
    public String key() {
        return "litigation";
    }

    @Override
    public String name() {
        return "Litigation";
    }

    @Override
    public String label() {
        return DEFINITION.pluralLabel();
    }

    @Override
    public String entryPath() {
        return "#/cases/" + LitigationService.IMMIGRATION;
    }

    @Override
    public String requiredRole() {
        return Roles.STAFF;
    }
}
