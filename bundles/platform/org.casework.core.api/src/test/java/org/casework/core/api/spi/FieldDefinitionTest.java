package org.casework.core.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.casework.core.api.Caller;
import org.junit.jupiter.api.Test;

class FieldDefinitionTest {

    private static Caller caller(Set<String> roles, Set<String> divisions) {
        return new Caller("u", "u", roles, divisions, false, false);
    }

    @Test
    void principalsAreRolesOrDivisions() {
        FieldDefinition notes = FieldDefinition.text("notes", "Notes").readableOnlyBy("division:nsls", "counsel").build();
        assertTrue(notes.readableBy(caller(Set.of("staff"), Set.of("nsls"))));
        assertTrue(notes.readableBy(caller(Set.of("counsel"), Set.of())));
        assertFalse(notes.readableBy(caller(Set.of("staff", "nsls"), Set.of("civil"))));
        assertTrue(notes.readableBy(caller(Set.of("admin"), Set.of())));
        assertFalse(notes.editableBy(caller(Set.of("staff"), Set.of())));
        assertTrue(notes.editableBy(caller(Set.of("staff"), Set.of("nsls"))));
    }

    @Test
    void editingNeedsReadingAndAnEditPrincipal() {
        FieldDefinition grade = FieldDefinition.text("grade", "Grade").editableBy("division:hr").build();
        assertTrue(grade.readableBy(caller(Set.of("staff"), Set.of())));
        assertFalse(grade.editableBy(caller(Set.of("staff"), Set.of())));
        assertTrue(grade.editableBy(caller(Set.of("staff"), Set.of("hr"))));
        FieldDefinition open = FieldDefinition.text("subject", "Subject").build();
        assertTrue(open.editableBy(caller(Set.of(), Set.of())));
        assertFalse(open.readRestricted());
    }

    @Test
    void theOldShapeHasNoReadRestriction() {
        FieldDefinition f = new FieldDefinition("subject", "Subject", FieldType.TEXT, true, null, null, null,
                List.of(), false, true, true, Set.of("staff"), null);
        assertEquals(Set.of(), f.readRestrictedTo());
        assertTrue(f.readableBy(caller(Set.of(), Set.of())));
    }

    @Test
    void aFieldMayNameTheSystemThatOwnsItsValue() {
        FieldDefinition owned = FieldDefinition.enumeration("custodyStatus", "Custody status", "DETAINED", "RELEASED")
                .authoritativeSource("EID").build();
        assertTrue(owned.authoritative());
        assertEquals("EID", owned.authoritativeSource());
        FieldDefinition kept = FieldDefinition.text("subject", "Subject").build();
        assertFalse(kept.authoritative());
        assertNull(kept.authoritativeSource());
        assertThrows(IllegalArgumentException.class,
                () -> FieldDefinition.text("x", "X").authoritativeSource("E I D").build());
    }
}
