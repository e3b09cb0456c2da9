package org.casework.examples.congress.internal;

import java.util.List;
import java.util.Map;

import org.casework.core.api.FieldError;
import org.casework.core.api.Roles;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.ConsoleModule;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.core.api.spi.TransitionDefinition;
import org.osgi.service.component.annotations.Component;

/**
 * Congressional inquiries: a whole case type in one class. Registering it gives the type storage,
 * numbering, REST, console pages, history and search; nothing else in the platform changes.
 */
@Component(service = {CaseType.class, ModuleDescriptor.class, ConsoleModule.class},
        property = CaseType.PROPERTY + "=congress")
public class CongressionalInquiryType implements CaseType, ModuleDescriptor, ConsoleModule {

    /** The division whose members alone may read and set the sensitive notes. */
    static final String SENSITIVE_DIVISION = "ocr";

    private static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder("congress")
            .label("Congressional inquiry", "Congressional inquiries")
            .numberPrefix("CI")
            .titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required().maxLength(200).searchable().listed())
            .field(FieldDefinition.text("member", "Member of Congress").required().maxLength(120).searchable().listed())
            .field(FieldDefinition.enumeration("chamber", "Chamber", "HOUSE", "SENATE").required().listed())
            .field(FieldDefinition.date("receivedOn", "Received on").required().notInFuture().listed())
            .field(FieldDefinition.date("responseDue", "Response due"))
            .field(FieldDefinition.person("constituent", "Constituent"))
            .field(FieldDefinition.aNumber("aNumber", "Constituent's A-Number"))
            .field(FieldDefinition.email("replyTo", "Reply to (e-mail)"))
            .field(FieldDefinition.longText("question", "Question asked").maxLength(10_000))
            // Need-to-know on one field: only members of one division see or set it.
            .field(FieldDefinition.longText("sensitiveNotes", "Sensitive notes").maxLength(10_000)
                    .readableOnlyBy("division:" + SENSITIVE_DIVISION)
                    .help("Seen only by the " + SENSITIVE_DIVISION + " division."))
            .state("RECEIVED", "Received")
            .state("IN_PROGRESS", "In progress")
            .state("RESPONDED", "Responded")
            .closedState("CLOSED", "Closed")
            .transition("start", "Start work", "IN_PROGRESS", "RECEIVED")
            .transition("respond", "Record response", "RESPONDED", "IN_PROGRESS")
            .transition("close", "Close", "CLOSED", "RESPONDED")
            .transition(new TransitionDefinition("reopen", "Reopen", java.util.Set.of("CLOSED", "RESPONDED"),
                    "IN_PROGRESS", java.util.Set.of(), true))
            .allow(CaseAction.CREATE, Roles.STAFF)
            .allow(CaseAction.READ, Roles.STAFF)
            .allow(CaseAction.UPDATE, Roles.STAFF)
            .build();

    @Override
    public CaseTypeDefinition definition() {
        return DEFINITION;
    }

    /** A response cannot be due before the inquiry arrived. */
    @Override
    public void validate(Map<String, Object> values, List<FieldError> errors) {
        Object received = values.get("receivedOn");
        Object due = values.get("responseDue");
        if (received != null && due != null && due.toString().compareTo(received.toString()) < 0) {
            errors.add(new FieldError("fields.responseDue", "afterReceived",
                    "\"Response due\" cannot be before \"Received on\"."));
        }
    }

    @Override
    public String key() {
        return "congress";
    }

    @Override
    public String name() {
        return "Congressional inquiries (example)";
    }

    @Override
    public String label() {
        return DEFINITION.pluralLabel();
    }

    @Override
    public String entryPath() {
        return "#/cases/congress";
    }

    @Override
    public String requiredRole() {
        return Roles.STAFF;
    }
}
