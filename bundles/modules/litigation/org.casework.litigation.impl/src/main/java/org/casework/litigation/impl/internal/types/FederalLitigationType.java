package org.casework.litigation.impl.internal.types;

import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.litigation.api.LitigationService;
import org.osgi.service.component.annotations.Component;

/**
 * Federal court litigation. The roles' data gives {@code case.federal-litigation} read and update
 * at division scope: only the owning division and the users its creator grants see a case.
 */
@Component(service = CaseType.class, property = CaseType.PROPERTY + "=" + LitigationService.FEDERAL)
public class FederalLitigationType implements CaseType {

    public static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder(LitigationService.FEDERAL)
            .label("Federal court case", "Federal court cases")
            .numberPrefix("FED")
            .titleField("caption")
            .field(FieldDefinition.text("caption", "Caption").required().maxLength(200).searchable().listed())
            .field(FieldDefinition.enumeration("subtype", "Kind", "FTCA", "FOIA", "PRIVACY_ACT", "CONTRACT",
                    "EMPLOYMENT").required().listed()
                    .help("FTCA: tort claims under the Federal Tort Claims Act."))
            .field(FieldDefinition.text("court", "Court").maxLength(200).searchable())
            .field(FieldDefinition.text("docketNumber", "Docket number").maxLength(64).searchable().listed())
            .field(FieldDefinition.person("plaintiff", "Plaintiff").searchable())
            .field(FieldDefinition.text("opposingCounsel", "Opposing counsel").maxLength(200))
            .field(FieldDefinition.date("filedOn", "Filed on").notInFuture())
            .field(FieldDefinition.longText("summary", "Summary").searchable())
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
}
