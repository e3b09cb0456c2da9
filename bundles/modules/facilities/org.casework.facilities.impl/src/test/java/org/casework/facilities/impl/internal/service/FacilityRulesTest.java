package org.casework.facilities.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.casework.core.api.FieldError;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.FacilityInput;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanContact;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanFacility;
import org.junit.jupiter.api.Test;

class FacilityRulesTest {

    private static List<String> broken(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.rule()).toList();
    }

    @Test
    void textIsTrimmedBlankOptionalTextIsNothingAndTheCodeUpperCase() {
        List<FieldError> errors = new ArrayList<>();
        CleanFacility f = FacilityRules.facility(new FacilityInput(" rv-pc ", "  Riverbend ", "  ", null,
                "1 Road", "", null, Boolean.FALSE, null), true, errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("RV-PC", f.code());
        assertEquals("Riverbend", f.name());
        assertNull(f.operator());
        assertNull(f.areaOfResponsibility());
        assertEquals(Boolean.FALSE, f.active());
    }

    @Test
    void codesFollowThePattern() {
        for (String bad : List.of("-A", "A-", "A B", "A_B", "Ä1", "X".repeat(33))) {
            List<FieldError> errors = new ArrayList<>();
            FacilityRules.facility(new FacilityInput(bad, "Name", null, null, null, null, null, null, null),
                    true, errors);
            assertEquals(1, errors.size(), bad);
            assertEquals("code", errors.get(0).field(), bad);
        }
        List<FieldError> errors = new ArrayList<>();
        FacilityRules.facility(new FacilityInput("A", "Name", null, null, null, null, null, null, null), true, errors);
        assertTrue(errors.isEmpty());
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        List<FieldError> errors = new ArrayList<>();
        FacilityRules.facility(new FacilityInput(null, null, "o".repeat(201), "line\nbreak", "a\u0000b",
                "x\u2028y", null, null, null), true, errors);
        assertEquals(List.of("code:required", "name:required", "operator:maxLength",
                "facilityType:controlCharacters", "address:controlCharacters",
                "areaOfResponsibility:controlCharacters"), broken(errors));
    }

    @Test
    void contactsNeedAKnownAgencyANameAndAnAddress() {
        List<FieldError> errors = new ArrayList<>();
        CleanContact ok = FacilityRules.contact("", new ContactInput(" cbp ", " Lee ", "lee@cbp.example.org"), errors);
        assertTrue(errors.isEmpty());
        assertEquals("CBP", ok.agency());
        assertEquals("Lee", ok.name());

        FacilityRules.contact("", new ContactInput("FBI", "", "lee@@x"), errors);
        assertEquals(List.of("agency:oneOf", "name:required", "email:email"), broken(errors));

        errors.clear();
        FacilityRules.contact("", new ContactInput(null, "Lee", "lee@localhost"), errors);
        assertEquals(List.of("agency:required", "email:email"), broken(errors));

        errors.clear();
        FacilityRules.contact("", new ContactInput("ICE", "Lee", "a@" + "b".repeat(250) + ".org"), errors);
        assertEquals(List.of("email:maxLength"), broken(errors));
    }
}
