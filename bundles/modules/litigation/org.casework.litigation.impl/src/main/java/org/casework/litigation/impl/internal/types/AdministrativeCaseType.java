package org.casework.litigation.impl.internal.types;

import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.litigation.api.LitigationService;
import org.osgi.service.component.annotations.Component;

/**
 * Administrative cases (EEO complaints, MSPB appeals, contract disputes). Like federal court cases,
 * visible only to the owning division and granted users.
 */
@Component(service = CaseType.class, property = CaseType.PROPERTY + "=" + LitigationService.ADMINISTRATIVE)
public class AdministrativeCaseType implements CaseType {

    public static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder(LitigationService.ADMINISTRATIVE)
            .label("Administrative case", "Administrative cases")
            .numberPrefix("ADM")
            .titleField("caption")
            .field(FieldDefinition.text("caption", "Caption").required().maxLength(200).searchable().listed())
            .field(FieldDefinition.enumeration("subtype", "Kind", "EEO", "MSPB", "CONTRACT").required().listed())
            .field(FieldDefinition.text("forum", "Forum").maxLength(200)
                    .help("The agency or board hearing the case, e.g. the MSPB regional office."))
            .field(FieldDefinition.text("docketNumber", "Docket number").maxLength(64).searchable().listed())
            .field(FieldDefinition.person("complainant", "Complainant or appellant").searchable())
            .field(FieldDefinition.date("filedOn", "Filed on").notInFuture())
            .field(FieldDefinition.longText("summary", "Summary").searchable())
            .state("OPEN", "Open")
            .closedState("CLOSED", "Closed")
            .transition("close", "Close", "CLOSED", "OPEN")
            .transition("reopen", "Reopen", "OPEN", "CLOSED")
            .build();

    @Override
    public CaseTypeDefinition definition() {
        return DEFINITION;
    }
}
