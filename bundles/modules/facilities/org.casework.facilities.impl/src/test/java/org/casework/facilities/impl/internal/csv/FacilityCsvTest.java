package org.casework.facilities.impl.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.casework.facilities.impl.internal.csv.FacilityCsv.ImportRow;
import org.junit.jupiter.api.Test;

class FacilityCsvTest {

    private static List<ImportRow> read(String text) {
        return FacilityCsv.read(new StringReader(text));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theExampleFileInTheDocsReads() throws Exception {
        String text = Files.readString(Path.of("../../../../docs/examples/facilities.csv"), StandardCharsets.UTF_8);
        List<ImportRow> rows = read(text);
        assertEquals(5, rows.size());
        ImportRow harbor = rows.get(3);
        assertEquals("HARBOR-FS", harbor.facility().code());
        assertEquals("Harbor \"Family\" Staging Facility", harbor.facility().name());
        assertEquals(Boolean.FALSE, harbor.facility().inJurisdiction());
        assertEquals(2, harbor.contacts().size());
        assertEquals("ICE", harbor.contacts().get(0).agency());
        assertEquals("CBP", harbor.contacts().get(1).agency());
        assertEquals("Riverbend Detention Services, Inc.", rows.get(0).facility().operator());
        assertEquals(Boolean.FALSE, rows.get(4).facility().active());
        assertTrue(rows.get(4).contacts().isEmpty());
    }

    @Test
    void headersMatchLooselyAndMissingColumnsAreRemembered() {
        List<ImportRow> rows = read("Code, NAME ,area_of_responsibility\nab-1,Some Jail,El Paso\n");
        ImportRow row = rows.get(0);
        assertEquals("AB-1", row.facility().code());
        assertEquals("El Paso", row.facility().areaOfResponsibility());
        assertEquals(Set.of("code", "name", "areaOfResponsibility"), row.columns());
        assertNull(row.facility().active());
    }

    @Test
    void everyBadLineIsNamedWithItsColumnAndNothingIsReturned() {
        String csv = "code,name,iceContactName,iceContactEmail,active\n"
                + "OK-1,Fine Facility,,,yes\n"
                + "-BAD,Bad Code,,,yes\n"
                + "OK-2,,,,yes\n"
                + "OK-3,Contact Jail,Ann Lee,not-an-address,maybe\n"
                + "OK-1,Again,,,\n";
        ValidationException e = assertThrows(ValidationException.class, () -> read(csv));
        List<String> fields = fields(e);
        assertEquals(List.of("line3.code", "line4.name", "line5.active", "line5.iceContactEmail", "line6.code"), fields);
        assertTrue(e.errors().get(0).message().startsWith("Line 3, column code:"), e.errors().get(0).message());
        assertEquals("duplicate", e.errors().get(4).rule());
        assertTrue(e.errors().get(4).message().contains("line 2"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> read("code,name\nA,Alpha\nB,Beta,extra\n"));
        assertEquals(List.of("line3"), fields(e));
        assertEquals("columns", e.errors().get(0).rule());
    }

    @Test
    void unknownAndMissingHeadersAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> read("code,colour\nA,red\n"));
        assertEquals(List.of("line1.colour", "line1.name"), fields(e));
    }

    @Test
    void malformedCsvNamesTheLine() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> read("code,name\nA,\"Alpha\nB,Beta\n"));
        assertEquals(List.of("line2"), fields(e));
        assertEquals("csv", e.errors().get(0).rule());
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() {
        assertEquals(List.of("file"), fields(assertThrows(ValidationException.class, () -> read(""))));
        assertEquals(List.of("file"), fields(assertThrows(ValidationException.class, () -> read("code,name\n"))));
    }

    @Test
    void controlCharactersAndOverlongTextAreRefused() {
        String csv = "code,name,address\nA,\"Tab\there\",x\nB,Fine,\"" + "y".repeat(501) + "\"\n";
        ValidationException e = assertThrows(ValidationException.class, () -> read(csv));
        assertEquals(List.of("line2.name", "line3.address"), fields(e));
        assertEquals("controlCharacters", e.errors().get(0).rule());
        assertEquals("maxLength", e.errors().get(1).rule());
    }

    @Test
    void aHalfGivenContactIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> read("code,name,cbpContactEmail\nA,Alpha,lee@cbp.example.org\n"));
        assertEquals(List.of("line2.cbpContactName"), fields(e));
        assertFalse(e.errors().get(0).message().isEmpty());
    }
}
