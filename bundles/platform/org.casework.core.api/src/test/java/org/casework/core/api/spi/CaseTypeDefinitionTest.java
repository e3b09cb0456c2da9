package org.casework.core.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseTypeDefinitionTest {

    private static CaseTypeDefinition.Builder minimal(String key) {
        return CaseTypeDefinition.builder(key).numberPrefix("EX")
                .field(FieldDefinition.text("subject", "Subject"))
                .state("OPEN", "Open").closedState("CLOSED", "Closed")
                .transition("close", "Close", "CLOSED", "OPEN");
    }

    @Test
    void firstStateIsWhereCasesStartAndPermissionsAccumulate() {
        CaseTypeDefinition d = minimal("example").allow(CaseAction.READ, "staff").allow(CaseAction.READ, "auditor").build();
        assertEquals("OPEN", d.workflow().initialState());
        assertTrue(d.workflow().state("CLOSED").orElseThrow().closed());
        assertEquals(Set.of("staff", "auditor"), d.rolesFor(CaseAction.READ));
        assertEquals(Set.of(), d.rolesFor(CaseAction.UPDATE));
    }

    @Test
    void mistakesInADefinitionFailWhenTheModuleStartsNotWhenAUserSavesACase() {
        assertThrows(IllegalArgumentException.class, () -> minimal("Bad Key").build());
        assertThrows(IllegalArgumentException.class, () -> minimal("ok").numberPrefix("toolong1").build());
        assertThrows(IllegalArgumentException.class, () -> minimal("ok").titleField("nope").build());
        assertThrows(IllegalArgumentException.class,
                () -> minimal("ok").field(FieldDefinition.text("subject", "Again")).build());
        assertThrows(IllegalArgumentException.class,
                () -> minimal("ok").transition("fly", "Fly", "MOON", "OPEN").build());
        assertThrows(IllegalArgumentException.class, () -> FieldDefinition.text("9lives", "x").build());
        assertThrows(IllegalArgumentException.class, () -> FieldDefinition.enumeration("e", "E").build());
    }

    @Test
    void textLimitsDefaultByKind() {
        assertEquals(FieldDefinition.DEFAULT_TEXT_LENGTH, FieldDefinition.text("a", "A").build().effectiveMaxLength());
        assertEquals(FieldDefinition.DEFAULT_LONG_TEXT_LENGTH, FieldDefinition.longText("b", "B").build().effectiveMaxLength());
        assertEquals(40, FieldDefinition.text("c", "C").maxLength(40).build().effectiveMaxLength());
    }

    @Test
    void aCaseIsTitledByItsTitleFieldAPersonByFullName() {
        CaseTypeDefinition byPerson = CaseTypeDefinition.builder("matter").numberPrefix("MT")
                .field(FieldDefinition.person("respondent", "Respondent")).titleField("respondent")
                .state("OPEN", "Open").build();
        assertEquals("Ana Diaz", byPerson.title(Map.of("respondent", Map.of("fullName", "Ana Diaz",
                "aliases", java.util.List.of("Ana Díaz")))));
        assertNull(byPerson.title(Map.of()));
        CaseTypeDefinition bySubject = minimal("plain").titleField("subject").build();
        assertEquals(CaseTypeDefinition.MAX_TITLE_LENGTH, bySubject.title(Map.of("subject", "x".repeat(300))).length());
        assertNull(minimal("untitled").build().title(Map.of("subject", "anything")));
    }
}
