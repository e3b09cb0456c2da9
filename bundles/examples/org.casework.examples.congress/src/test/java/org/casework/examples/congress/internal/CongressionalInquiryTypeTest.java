package org.casework.examples.congress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.junit.jupiter.api.Test;

class CongressionalInquiryTypeTest {

    private final CongressionalInquiryType type = new CongressionalInquiryType();

    @Test
    void workflowRunsFromReceivedToClosedAndBack() {
        CaseTypeDefinition d = type.definition();
        assertEquals("RECEIVED", d.workflow().initialState());
        assertEquals("IN_PROGRESS", d.workflow().transition("start").orElseThrow().to());
        assertTrue(d.workflow().transition("reopen").orElseThrow().commentRequired());
        assertTrue(d.workflow().state("CLOSED").orElseThrow().closed());
    }

    @Test
    void responseCannotBeDueBeforeReceipt() {
        List<FieldError> errors = new ArrayList<>();
        type.validate(Map.of("receivedOn", "2026-03-10", "responseDue", "2026-03-01"), errors);
        assertEquals(List.of("fields.responseDue"), errors.stream().map(FieldError::field).toList());
        errors.clear();
        type.validate(Map.of("receivedOn", "2026-03-10", "responseDue", "2026-03-20"), errors);
        assertTrue(errors.isEmpty());
    }
}
