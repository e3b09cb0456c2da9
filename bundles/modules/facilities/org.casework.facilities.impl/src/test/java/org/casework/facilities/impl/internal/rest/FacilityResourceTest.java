package org.casework.facilities.impl.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.casework.core.api.PayloadTooLargeException;
import org.casework.core.api.ValidationException;
import org.junit.jupiter.api.Test;

class FacilityResourceTest {

    @Test
    void theCsvBodyMustBeUtf8AndWithinTheLimit() {
        assertEquals("code,name\nÄ,Ü\n", FacilityResource.utf8(new ByteArrayInputStream(
                "code,name\nÄ,Ü\n".getBytes(StandardCharsets.UTF_8))));
        ValidationException latin1 = assertThrows(ValidationException.class, () -> FacilityResource.utf8(
                new ByteArrayInputStream("code,name\nÄ,x\n".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals("file", latin1.errors().get(0).field());
        PayloadTooLargeException large = assertThrows(PayloadTooLargeException.class, () -> FacilityResource.utf8(
                new ByteArrayInputStream(new byte[FacilityResource.MAX_CSV_BYTES + 1])));
        assertEquals(413, large.status());
        assertEquals("", FacilityResource.utf8(null));
    }

    @Test
    void queryParametersAreCheckedByName() {
        assertEquals(Boolean.TRUE, FacilityResource.bool("active", " TRUE "));
        assertNull(FacilityResource.bool("active", ""));
        assertEquals("inJurisdiction", assertThrows(ValidationException.class,
                () -> FacilityResource.bool("inJurisdiction", "yes")).errors().get(0).field());
        assertEquals(7, FacilityResource.integer("page", "7", 0));
        assertEquals(20, FacilityResource.integer("size", null, 20));
        assertEquals("size", assertThrows(ValidationException.class,
                () -> FacilityResource.integer("size", "ten", 20)).errors().get(0).field());
    }
}
