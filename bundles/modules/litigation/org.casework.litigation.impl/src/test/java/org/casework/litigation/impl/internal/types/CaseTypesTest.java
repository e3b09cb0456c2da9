package org.casework.litigation.impl.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.FieldType;
import org.junit.jupiter.api.Test;

class CaseTypesTest {

    private static Caller attorney(String division) {
        return new Caller("a", "A", Set.of("attorney"), Set.of(division), false, false);
    }

    @Test
    void anImmigrationCaseWithoutANumberIsRefusedWithAnOfferOfAPlaceholder() {
        List<FieldError> errors = new ArrayList<>();
        new ImmigrationCaseType().validate(Map.of("respondent", Map.of("fullName", "X")), errors);
        assertEquals(1, errors.size());
        assertEquals("fields.aNumber", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("Placeholder for an immigration matter"));

        errors.clear();
        new ImmigrationCaseType().validate(Map.of("aNumber", "123456789"), errors);
        assertTrue(errors.isEmpty());
    }

    @Test
    void theANumberIsAnANumberFieldAndTheRespondentAPerson() {
        assertEquals(FieldType.A_NUMBER, ImmigrationCaseType.DEFINITION.field("aNumber").orElseThrow().type());
        FieldDefinition respondent = ImmigrationCaseType.DEFINITION.field("respondent").orElseThrow();
        assertEquals(FieldType.PERSON, respondent.type());
        assertTrue(respondent.required());
    }

    @Test
    void onlyTheNationalSecurityLawSectionSetsNationalSecurityFields() {
        for (String key : List.of("nationalSecurityConcern", "nationalSecurityNotes")) {
            FieldDefinition f = ImmigrationCaseType.DEFINITION.field(key).orElseThrow();
            assertTrue(f.editableBy(attorney("nsls")), key);
            assertFalse(f.editableBy(attorney("occ-sf")), key);
            assertTrue(f.readableBy(attorney("occ-sf")), key + " is read by every reader of the case");
        }
    }

    @Test
    void noTypeGrantsAnythingByItself() {
        // Who may do what is the roles' data (case.<type> permissions), never the type's own lists.
        for (var def : List.of(ImmigrationCaseType.DEFINITION, FederalLitigationType.DEFINITION,
                AdministrativeCaseType.DEFINITION)) {
            for (CaseAction action : CaseAction.values()) {
                assertTrue(def.rolesFor(action).isEmpty(), def.key() + " " + action);
            }
        }
    }

    @Test
    void subtypesAreTheOnesTheOfficeWorks() {
        assertEquals(List.of("FTCA", "FOIA", "PRIVACY_ACT", "CONTRACT", "EMPLOYMENT"),
                FederalLitigationType.DEFINITION.field("subtype").orElseThrow().options());
        assertEquals(List.of("EEO", "MSPB", "CONTRACT"),
                AdministrativeCaseType.DEFINITION.field("subtype").orElseThrow().options());
    }
}
