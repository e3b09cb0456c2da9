package org.casework.facilities.impl.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;

import org.casework.facilities.api.FacilityService;
import org.junit.jupiter.api.Test;

class FacilitiesModuleTest {

    private final FacilitiesModule module = new FacilitiesModule();

    @Test
    void isListedOnlyToCallersWhoMayReadOrEditFacilities() {
        assertNull(module.requiredRole());
        assertEquals(Set.of(FacilityService.READ, FacilityService.UPDATE), module.requiredPermissions());
    }

    @Test
    void speaksEnglishAndSpanishInTheNavigation() {
        assertEquals("Facilities", module.label());
        assertEquals("Centros", module.labels().get("es"));
        assertEquals(module.label(), module.labels().get("en"));
    }
}
