package org.casework.complaints.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.casework.audit.api.AuditService;
import org.casework.complaints.api.PortalCategory;
import org.casework.complaints.api.PortalSubmission;
import org.casework.complaints.impl.internal.CategoryCatalog;
import org.casework.complaints.impl.internal.ComplaintIndexer;
import org.casework.complaints.impl.internal.ComplaintsConfig;
import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.CaseEvent;
import org.casework.mail.api.MailService;
import org.casework.matching.PersonMatch;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake preparation, prior-complaint matching over the real index, the portal's refusals. */
class ComplaintServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Caller ANALYST = new Caller("ann", "Ann", Set.of("analyst"), Set.of(), false, false);

    private DerbyJpaTemplate jpa;
    private ComplaintStore store;
    private CaseService cases;
    private MailService mail;
    private ComplaintService service;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-complaints-test", "V1__complaints.derby.sql", "V2__person_key_dob.derby.sql", "V4__person_key_newest.derby.sql");
        store = new ComplaintStore(jpa);
        cases = mock(CaseService.class);
        mail = mock(MailService.class);
        service = new ComplaintService(cases, store, mock(AuditService.class), mail, config(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    static ComplaintsConfig config() {
        return config(500, 100);
    }

    static ComplaintsConfig config(int triageCandidates, int triageNewestPerKey) {
        return new ComplaintsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ComplaintsConfig.class;
            }

            @Override
            public int destructionDays() {
                return 30;
            }

            @Override
            public int targetDays() {
                return 90;
            }

            @Override
            public String onDutyManagerEmail() {
                return "duty@office.test";
            }

            @Override
            public String remindersTo() {
                return "";
            }

            @Override
            public int reminderCheckMinutes() {
                return 60;
            }

            @Override
            public String officeName() {
                return "The Office";
            }

            @Override
            public String accessAndCorrection() {
                return "Ask us to correct it.";
            }

            @Override
            public String officeContact() {
                return "555-0100";
            }

            @Override
            public int triageCandidates() {
                return triageCandidates;
            }

            @Override
            public int triageNewestPerKey() {
                return triageNewestPerKey;
            }
        };
    }

    /** Saves a complaint the way the case engine tells the indexer, and returns the record a reader gets. */
    private CaseRecord index(long id, String createdBy, Map<String, Object> fields) {
        CaseEvent e = new CaseEvent(CaseEvent.Kind.CREATED, new Caller(createdBy, null, Set.of(), Set.of(), false, false),
                "complaint", id, "CMP-2026-" + id, "RECEIVED", false, null, null, fields, fields.keySet(), NOW);
        new ComplaintIndexer(store).caseSaved(e);
        return new CaseRecord(id, "complaint", "CMP-2026-" + id, "t", "RECEIVED", false, 1, null, null, fields, NOW,
                createdBy, NOW, createdBy, null);
    }

    private static Map<String, Object> detainee(String fullName, String dob, String... aliases) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", fullName);
        if (dob != null) {
            p.put("dateOfBirth", dob);
        }
        p.put("aliases", List.of(aliases));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("detainee", p);
        f.put("channel", "MAIL");
        return f;
    }

    @Test
    void priorComplaintsMatchByANumberAndByAliasSayWhyAndHideWhatTheCallerMayNotRead() {
        Map<String, Object> first = detainee("Juan Perez", "1990-01-02");
        first.put("aNumber", "012345678");
        CaseRecord byNumber = index(100, "clerk", first);
        CaseRecord byAlias = index(150, "clerk", detainee("Garcia Luis", "1990-01-02"));
        index(200, "other", detainee("Luis Garcia", null));
        index(250, "clerk", detainee("Luis Garcia", "1985-05-05"));
        Map<String, Object> probeFields = detainee("Jose Ramirez", "1990-01-02", "Luis Garcia");
        probeFields.put("aNumber", "012345678");
        CaseRecord probe = index(300, "clerk", probeFields);
        when(cases.get(ANALYST, "complaint", 300)).thenReturn(probe);
        List<Collection<Long>> asked = readable(byNumber, byAlias, probe); // 200 is hidden from the analyst

        List<ComplaintService.PriorMatch> prior = service.prior(ANALYST, 300);

        assertEquals(List.of(100L, 150L), prior.stream().map(ComplaintService.PriorMatch::caseId).toList(),
                "the hidden complaint 200 is left out; 250 has another date of birth");
        assertTrue(prior.get(0).reasons().contains("same A-Number A012-345-678"), prior.get(0).reasons().toString());
        assertTrue(prior.get(1).reasons().toString().contains("Luis Garcia"), prior.get(1).reasons().toString());
        assertTrue(prior.get(1).reasons().contains("same date of birth 1990-01-02"));
        assertEquals(1, asked.size(), "all matches are read in one engine call");
        assertFalse(asked.get(0).contains(250L), "a candidate that does not match is never read: " + asked);
    }

    @Test
    void theLookupShowsTheBestMatchesUpToTheLimitAndAHiddenOneGivesWayToTheNextBest() {
        CaseRecord sameDate = index(500, "clerk", detainee("Maria Lopez", "1980-03-04"));
        CaseRecord hidden = index(510, "other", detainee("Maria Lopez", "1980-03-04"));
        CaseRecord unknownA = index(520, "clerk", detainee("Maria Lopez", null));
        CaseRecord unknownB = index(530, "clerk", detainee("Maria Lopez", null));
        CaseRecord probe = index(540, "clerk", detainee("Maria Lopez", "1980-03-04"));
        when(cases.get(ANALYST, "complaint", 540)).thenReturn(probe);
        List<Collection<Long>> asked = readable(sameDate, unknownA, unknownB, probe);

        List<ComplaintService.PriorMatch> two = service.prior(ANALYST, 540, 2);

        assertEquals(List.of(500L, 520L), two.stream().map(ComplaintService.PriorMatch::caseId).toList(),
                "the same date of birth ranks first; hidden 510 gives way to the best unknown-date match");
        assertEquals(List.of(List.of(500L, 510L), List.of(520L)), asked,
                "only as many cases are read as are shown, plus those hidden from the caller");
        assertEquals(3, service.prior(ANALYST, 540, 200).size());
        for (int bad : new int[] {0, 201}) {
            ValidationException e = assertThrows(ValidationException.class, () -> service.prior(ANALYST, 540, bad));
            assertEquals("limit", e.errors().get(0).field());
        }
    }

    @Test
    void theTriageSettingsBoundHowManyComplaintsWithoutADateOfBirthAreCompared() {
        List<CaseRecord> earlier = new ArrayList<>();
        for (long id = 600; id < 615; id++) {
            earlier.add(index(id, "clerk", detainee("Zebulon Quist", null)));
        }
        CaseRecord probe = index(615, "clerk", detainee("Zebulon Quist", "1975-05-06"));
        earlier.add(probe);
        when(cases.get(ANALYST, "complaint", 615)).thenReturn(probe);
        readable(earlier.toArray(CaseRecord[]::new));
        assertEquals(15, service.prior(ANALYST, 615, 200).size(), "by default all 15 are compared");

        service.modified(config(500, 10));
        List<Long> newest = service.prior(ANALYST, 615, 200).stream().map(ComplaintService.PriorMatch::caseId).sorted()
                .toList();
        assertEquals(java.util.stream.LongStream.range(605, 615).boxed().toList(), newest,
                "each key adds its 10 newest complaints without a date of birth");

        // out of range: the nearest bound (10 newest per key; at least 50 candidates)
        service.modified(config(1, 0));
        assertEquals(10, service.prior(ANALYST, 615, 200).size());
        service.modified(config(1, 5000));
        assertEquals(15, service.prior(ANALYST, 615, 200).size());
    }

    /** The engine answers getAll with these records only, as if the others were hidden; returns what it was asked. */
    private List<Collection<Long>> readable(CaseRecord... records) {
        Map<Long, CaseRecord> byId = new LinkedHashMap<>();
        for (CaseRecord r : records) {
            byId.put(r.id(), r);
        }
        List<Collection<Long>> asked = new ArrayList<>();
        when(cases.getAll(any(Caller.class), eq("complaint"), anyCollection())).thenAnswer(inv -> {
            Collection<Long> ids = inv.getArgument(2);
            asked.add(List.copyOf(ids));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
        return asked;
    }

    @Test
    void twoComplaintsIndexedAtTheSameMomentFindEachOther() {
        CaseRecord a = index(400, "clerk", detainee("Amina Yusuf", null));
        CaseRecord b = index(450, "clerk", detainee("Yusuf Amina", null));
        when(cases.get(any(Caller.class), eq("complaint"), eq(400L))).thenReturn(a);
        when(cases.get(any(Caller.class), eq("complaint"), eq(450L))).thenReturn(b);
        readable(a, b);
        assertEquals(450L, service.prior(ANALYST, 400).get(0).caseId());
        assertEquals(400L, service.prior(ANALYST, 450).get(0).caseId());
    }

    @Test
    void matchNeedsAnANumberOrANameInCommon() {
        Rows.IndexedPerson candidate = new Rows.IndexedPerson(1, "111111111", null, List.of("Ana Diaz"));
        assertTrue(ComplaintService.match(PersonMatching.prepare(new PersonRecord("Bo Li", List.of(), null)), "222222222",
                candidate).isEmpty());
        assertEquals(1.0, ComplaintService.match(null, "111111111", candidate).orElseThrow().score());
        // a name match scores and reads what the matcher says, whatever its weights are
        PersonRecord swapped = new PersonRecord("Díaz Ana", List.of(), null);
        PersonMatch expected = PersonMatching.compare(swapped, new PersonRecord("Ana Diaz", List.of(), null)).orElseThrow();
        ComplaintService.PriorMatch found = ComplaintService.match(PersonMatching.prepare(swapped), null, candidate).orElseThrow();
        assertEquals(expected.score(), found.score());
        assertEquals(expected.reasons(), found.reasons());
    }

    @Test
    void anonymousIntakeDropsTheSubmittersIdentityAndBadANumbersAreRefused() {
        Map<String, Object> in = new LinkedHashMap<>(detainee("X Y", null));
        in.put("anonymous", true);
        in.put("submitter", Map.of("fullName", "Me"));
        in.put("submitterEmail", "me@x.test");
        in.put("submitterAddress", Map.of("line1", "1 Main St"));
        Map<String, Object> prepared = service.prepare(in);
        assertFalse(prepared.containsKey("submitter"));
        assertFalse(prepared.containsKey("submitterEmail"));
        assertFalse(prepared.containsKey("submitterAddress"));
        assertTrue(prepared.containsKey("detainee"));

    }

    @Test
    void aBadANumberIsReportedWithTheOtherErrorsAndNothingIsCreated() {
        Map<String, Object> bad = new LinkedHashMap<>(detainee("X Y", null));
        bad.put("aNumber", "1234567"); // the engine takes 7 digits; complaint intake does not
        bad.put("incidentDate", "2999-01-01");
        assertEquals(ComplaintService.NOT_AN_A_NUMBER, service.prepare(bad).get("aNumber"),
                "the engine must refuse what intake refuses, so that nothing is stored");
        when(cases.create(any(), eq("complaint"), any(), any())).thenThrow(new ValidationException(List.of(
                new FieldError("fields.aNumber", "aNumber", "Not an A-Number."),
                new FieldError("fields.incidentDate", "notInFuture", "The date cannot be in the future."))));

        ValidationException e = assertThrows(ValidationException.class,
                () -> service.intake(ANALYST, bad, List.of(), null, "127.0.0.1"));

        assertEquals(List.of("fields.aNumber", "fields.incidentDate"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("8 or 9 digits"), e.errors().get(0).message());
    }

    @Test
    void triageOutcomesAreCheckedBeforeAnythingHappens() {
        ValidationException refer = assertThrows(ValidationException.class,
                () -> service.triage(ANALYST, 1, "refer", "FBI", null));
        assertEquals("referredTo", refer.errors().get(0).field());
        ValidationException decline = assertThrows(ValidationException.class,
                () -> service.triage(ANALYST, 1, "decline", null, " "));
        assertEquals("note", decline.errors().get(0).field());
        ValidationException other = assertThrows(ValidationException.class,
                () -> service.triage(ANALYST, 1, "refer", "OTHER", null));
        assertEquals("note", other.errors().get(0).field());
        assertEquals("outcome", assertThrows(ValidationException.class,
                () -> service.triage(ANALYST, 1, "maybe", null, null)).errors().get(0).field());
        verify(cases, never()).get(any(), any(), anyLong());
    }

    @Test
    void portalRefusesAComplaintWithoutConsentOrPrivacyStatementStoringNothing() {
        PortalIntakeService portal = new PortalIntakeService(service, cases, store, mock(AuditService.class),
                mock(CategoryCatalog.class));
        ValidationException e = assertThrows(ValidationException.class, () -> portal.submit(new PortalSubmission(
                detainee("A B", null), false, "en", null, null, false, "198.51.100.1", List.of())));
        assertEquals(List.of("consent", "privacyStatement"), e.errors().stream().map(x -> x.field()).toList());
        verify(cases, never()).create(any(), any(), any(), any());

        // a bad A-Number is named in the same answer, not on the next attempt
        Map<String, Object> fields = new LinkedHashMap<>(detainee("A B", null));
        fields.put("aNumber", "12-34");
        ValidationException both = assertThrows(ValidationException.class, () -> portal.submit(new PortalSubmission(
                fields, false, "en", "PAS-1", Instant.now(), false, "198.51.100.1", List.of())));
        assertEquals(List.of("consent", "fields.aNumber"), both.errors().stream().map(x -> x.field()).toList());
        verify(cases, never()).create(any(), any(), any(), any());
    }

    @Test
    void portalOffersTheActiveCategoriesOnly() {
        CategoryCatalog catalog = mock(CategoryCatalog.class);
        when(catalog.all()).thenReturn(List.of(new Rows.Category("medical", "Medical", true, true),
                new Rows.Category("retired-topic", "Retired topic", false, false)));
        PortalIntakeService portal = new PortalIntakeService(service, cases, store, mock(AuditService.class), catalog);
        assertEquals(List.of(new PortalCategory("medical", "Medical")), portal.categories());
    }

    @Test
    void confirmationLetterIsAPdfWhenNoAddressIsGiven() {
        byte[] pdf = LetterRenderer.render(List.of("Zoë Ünal", "1 Main St", "Springfield IL 62701"),
                ConfirmationText.of("EN", "CMP-2026-000050", "The Office", "555-0100", "Ask us to correct it."),
                LocalDate.parse("2026-03-01"));
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(ConfirmationText.of("ES", "CMP-1", "O", "C", "A").plainText().contains("CMP-1"));
    }
}
