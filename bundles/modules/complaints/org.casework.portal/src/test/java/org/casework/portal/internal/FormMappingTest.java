package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormMappingTest {

    private static MultipartForm form(Multipart m) throws Exception {
        return MultipartForm.parse(new ByteArrayInputStream(m.build()), Multipart.BOUNDARY,
                new MultipartForm.Limits(1000, 1000, 1, 10_000, 100));
    }

    private static Multipart complete() {
        return new Multipart()
                .field("submitterName", "Ana Ruiz")
                .field("submitterAliases", "Ana R.\r\n\r\nAnita ")
                .field("submitterEmail", "ana@example.org")
                .field("submitterLine1", "1 Main St")
                .field("submitterCity", "El Paso")
                .field("detaineeName", "Luis Ruiz")
                .field("detaineeDateOfBirth", "1990-02-03")
                .field("aNumber", "A123-456-789")
                .field("categories", "medical")
                .field("categories", "abuse")
                .field("categories", "medical")
                .field("subjectType", "ADULT")
                .field("description", "  He has had no insulin for three days.  ")
                .field("priorActions", "")
                .field("unrelated", "ignored");
    }

    @Test
    void formInputsBecomeTheComplaintsFields() throws Exception {
        Map<String, Object> fields = FormMapping.fields(form(complete()), false);

        assertEquals(Map.of("fullName", "Ana Ruiz", "aliases", List.of("Ana R.", "Anita")), fields.get("submitter"));
        assertEquals("ana@example.org", fields.get("submitterEmail"));
        assertEquals(Map.of("line1", "1 Main St", "city", "El Paso"), fields.get("submitterAddress"));
        assertEquals(Map.of("fullName", "Luis Ruiz", "dateOfBirth", "1990-02-03"), fields.get("detainee"));
        assertEquals("A123-456-789", fields.get("aNumber"));
        assertEquals(List.of("medical", "abuse"), fields.get("categories"));
        assertEquals("ADULT", fields.get("subjectType"));
        assertEquals("He has had no insulin for three days.", fields.get("description"));
        assertFalse(fields.containsKey("priorActions"), "blank inputs are left out");
        assertFalse(fields.containsKey("unrelated"));
    }

    @Test
    void anAnonymousComplaintKeepsNothingAboutTheSubmitter() throws Exception {
        Map<String, Object> fields = FormMapping.fields(form(complete()), true);

        for (String key : List.of("submitter", "submitterEmail", "submitterPhone", "submitterAddress")) {
            assertFalse(fields.containsKey(key), key);
        }
        assertEquals("A123-456-789", fields.get("aNumber"));
    }

    @Test
    void errorFieldsPointBackToTheirInputs() {
        assertEquals("aNumber", FormMapping.inputFor("fields.aNumber"));
        assertEquals("submitterName", FormMapping.inputFor("fields.submitter.fullName"));
        assertEquals("submitterName", FormMapping.inputFor("fields.submitter"));
        assertEquals("detaineeAliases", FormMapping.inputFor("fields.detainee.aliases[1]"));
        assertEquals("submitterLine1", FormMapping.inputFor("fields.submitterAddress"));
        assertEquals("submitterPostalCode", FormMapping.inputFor("fields.submitterAddress.postalCode"));
        assertEquals("consent", FormMapping.inputFor("consent"));
        assertEquals("privacyAccept", FormMapping.inputFor("privacyStatement"));
        assertEquals("attachments", FormMapping.inputFor("attachments[0]"));
        assertNull(FormMapping.inputFor("fields.somethingElse"));
        assertNull(FormMapping.inputFor(null));
    }
}
