package org.casework.complaints.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplaintTypeTest {

    private final ComplaintType type;

    ComplaintTypeTest() {
        ComplaintStore store = mock(ComplaintStore.class);
        when(store.categories()).thenReturn(List.of(new Rows.Category("medical", "Medical", true, true),
                new Rows.Category("abuse", "Abuse", true, true), new Rows.Category("old", "Old", false, false)));
        type = new ComplaintType(new CategoryCatalog(store));
    }

    private List<FieldError> validate(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        type.validate(values, errors);
        return errors;
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void definitionHasEveryFieldOfTheFormWithTheRightKinds() {
        CaseTypeDefinition d = type.definition();
        assertEquals("complaint", d.key());
        assertEquals("CMP", d.numberPrefix());
        for (String key : List.of("submitter", "submitterAddress", "submitterEmail", "submitterPhone", "submitterFax",
                "submitterOrganization", "detainee", "aNumber", "detaineeContact", "detaineeSex", "detaineeTransgender",
                "countryOfBirth", "citizenships", "facility", "detentionHistory", "incidentDate", "description",
                "categories", "inquirySubject", "familyMembers", "priorActions", "consentToInvestigate",
                "representativeConsent", "verificationSigned", "verificationSignedBy", "verificationDate", "channel",
                "anonymous", "emergency")) {
            assertTrue(d.field(key).isPresent(), key);
        }
        assertEquals(FieldType.A_NUMBER, d.field("aNumber").orElseThrow().type());
        assertEquals(FieldType.PERSON, d.field("detainee").orElseThrow().type());
        assertTrue(d.field("incidentDate").orElseThrow().notInFuture());
        assertTrue(d.field("channel").orElseThrow().required());
        assertEquals(ComplaintType.CHANNELS, d.field("channel").orElseThrow().options());
        assertEquals("RECEIVED", d.workflow().initialState());
        assertTrue(d.permissions().isEmpty(), "access comes from the access policy only");
    }

    @Test
    void workflowClosesOnResolutionReferralAndDeclineAndReopensOnlyWithAReason() {
        var wf = type.definition().workflow();
        for (String closed : List.of("RESOLVED", "REFERRED", "DECLINED")) {
            assertTrue(wf.state(closed).orElseThrow().closed(), closed);
        }
        var reopen = wf.transitions().stream().filter(t -> t.key().equals("reopen")).findFirst().orElseThrow();
        assertTrue(reopen.commentRequired());
        assertEquals(java.util.Set.of("RESOLVED", "REFERRED", "DECLINED"), reopen.from());
        var decline = wf.transitions().stream().filter(t -> t.key().equals("decline")).findFirst().orElseThrow();
        assertTrue(decline.commentRequired());
        assertEquals(ComplaintType.caseworkers(), decline.roles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123-456-789", "A123456789", "123456789", "a 123 456 789", "12345678", "A1234-5678"})
    void aNumbersOfEightOrNineDigitsPassInAnyWrittenForm(String written) {
        assertNull(ComplaintType.checkANumber(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "A12345", "1234567890", "A12-34X-678", "AB123456789", "000000000", "A"})
    void otherANumbersAreRefusedNamingTheField(String written) {
        FieldError e = ComplaintType.checkANumber(written);
        assertNotNull(e, written);
        assertEquals("fields.aNumber", e.field());
    }

    @Test
    void anonymousComplaintsKeepNoSubmitterIdentity() {
        List<FieldError> errors = validate(values("anonymous", true, "submitterEmail", "a@b.test",
                "submitter", Map.of("fullName", "X")));
        assertEquals(List.of("fields.submitter", "fields.submitterEmail"),
                errors.stream().map(FieldError::field).sorted().collect(Collectors.toList()));
        assertTrue(validate(values("anonymous", false, "submitterEmail", "a@b.test")).isEmpty());
    }

    @Test
    void categoriesMustBeKnownInactiveOnesStillCount() {
        assertTrue(validate(values("categories", "medical, abuse,old")).isEmpty());
        List<FieldError> errors = validate(values("categories", "medical, food"));
        assertEquals(1, errors.size());
        assertEquals("fields.categories", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("food"));
    }

    @Test
    void detentionHistoryIsOneStayPerLineWithRealOrderedPastDates() {
        assertTrue(validate(values("detentionHistory", "NWK: 2025-01-01 to 2025-02-01\n\nelz-2:2025-02-01")).isEmpty());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"NWK", "2025-01-01", null},
                ComplaintType.stays("nwk: 2025-01-01").get(0));
        String future = LocalDate.now().plusDays(3).toString();
        for (String bad : List.of("Newark from January", "NWK: 2025-02-30", "NWK: 2025-02-01 to 2025-01-01",
                "NWK: " + future)) {
            List<FieldError> errors = validate(values("detentionHistory", "ELZ: 2024-01-01\n" + bad));
            assertEquals(1, errors.size(), bad);
            assertTrue(errors.get(0).message().startsWith("Line 2:"), errors.get(0).message());
        }
    }

    @Test
    void familyMembersBelongToFamilyOrChildComplaints() {
        assertEquals(1, validate(values("familyMembers", "Ana", "inquirySubject", "ADULT")).size());
        assertTrue(validate(values("familyMembers", "Ana", "inquirySubject", "FAMILY_UNIT")).isEmpty());
    }
}
