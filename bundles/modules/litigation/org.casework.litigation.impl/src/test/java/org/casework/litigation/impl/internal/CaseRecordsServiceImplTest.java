package org.casework.litigation.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.core.api.AttachmentRecord;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.StateException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.litigation.api.AFileTransfer;
import org.casework.litigation.api.CaseDocument;
import org.casework.litigation.api.CasePerson;
import org.casework.litigation.api.ImmigrationApplication;
import org.casework.litigation.api.LegalMemorandum;
import org.casework.litigation.api.PhaseNote;
import org.casework.litigation.api.ProceedingAction;
import org.casework.litigation.api.RecordKind;
import org.casework.litigation.api.Respondent;
import org.casework.litigation.api.VisaRecord;
import org.casework.litigation.impl.internal.types.FederalLitigationType;
import org.casework.litigation.impl.internal.types.ImmigrationCaseType;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseRecordsServiceImplTest {

    private static final Instant NOW = Instant.parse("2026-06-15T15:00:00Z");
    private static final Caller ANN = new Caller("ann", "Ann", Set.of("attorney"), Set.of("occ-sf"), false, false);
    private static final Caller ERO = new Caller("ero", "Ero", Set.of("external-readonly"), Set.of("ero"), false,
            false);

    private DerbyJpaTemplate jpa;
    private CaseService cases;
    private AuditService audit;
    private AccessPolicy policy;
    private CaseRecordsServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-litigation-test", "V1__litigation.derby.sql",
                "V2__case_records.derby.sql");
        cases = mock(CaseService.class);
        audit = mock(AuditService.class);
        policy = mock(AccessPolicy.class);
        when(cases.caseTypes(any())).thenReturn(List.of(ImmigrationCaseType.DEFINITION,
                FederalLitigationType.DEFINITION));
        when(cases.caseType("immigration-case")).thenReturn(Optional.of(ImmigrationCaseType.DEFINITION));
        when(cases.get(any(), eq("immigration-case"), anyLong())).thenThrow(new NotFoundException("Case"));
        when(cases.get(any(), eq("immigration-case"), eq(7L))).thenReturn(immigrationCase(Map.of(
                "aFileLocation", "NRC Lee's Summit",
                "respondent", Map.of("fullName", "Maria Lopez", "dateOfBirth", "1990-06-16",
                        "aliases", List.of("Maria L.")))));
        when(cases.get(any(), eq("immigration-case"), eq(8L))).thenThrow(new NotFoundException("Case 8"));
        when(cases.get(any(), eq("federal-litigation"), anyLong())).thenThrow(new NotFoundException("Case"));
        when(cases.get(any(), eq("federal-litigation"), eq(9L))).thenReturn(new CaseRecord(9, "federal-litigation",
                "FED-2026-000009", "X", "OPEN", false, 0, null, null, Map.of(), NOW, "ann", NOW, "ann", "occ-sf"));
        when(cases.attachments(any(), any(), anyLong())).thenReturn(List.of(new AttachmentRecord(41, 7, "nta.pdf",
                "application/pdf", 10, "ab", NOW, "ann")));
        when(policy.permits(eq(ANN), eq("update"), any())).thenReturn(true);
        service = new CaseRecordsServiceImpl(jpa, cases, audit, policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private static CaseRecord immigrationCase(Map<String, Object> fields) {
        return new CaseRecord(7, "immigration-case", "IMM-2026-000007", "Maria Lopez", "OPEN", false, 3, null, null,
                fields, NOW, "ann", NOW, "ann", "occ-sf");
    }

    private long rows(String table) throws SQLException {
        try (Statement st = jpa.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static CasePerson person(String role, String name, List<String> aliases, Long version) {
        return new CasePerson(null, 0, version, role, name, aliases, "Lopez & Co", "1 Main St\nSan Francisco",
                "+1 415 555 0100", "counsel@example.org", null, null, null, null);
    }

    private static LegalMemorandum memo(String title, String body, Long attachment, String status, Long version) {
        return new LegalMemorandum(null, 0, version, title, body, attachment, status, null, null, null, null, null,
                null);
    }

    private static ImmigrationApplication application(String received, Boolean granted, String from, String to) {
        return new ImmigrationApplication(null, 0, null, "I-765", received, "2026-02-01", null, null, granted, from,
                to, null, null, null, null);
    }

    @Test
    void aRenamedPersonKeepsTheOldNameAsAnAlias() {
        CasePerson p = service.create(ANN, 7, RecordKind.PEOPLE, person("private_attorney", "Ana Ruiz",
                List.of("A. Ruiz"), null));
        assertEquals("PRIVATE_ATTORNEY", p.role());
        assertEquals(List.of("A. Ruiz"), p.aliases());

        CasePerson renamed = service.update(ANN, 7, RecordKind.PEOPLE, p.id(), person("PRIVATE_ATTORNEY",
                "Ana Ruiz-Soto", List.of(), p.version()));
        assertEquals("Ana Ruiz-Soto", renamed.fullName());
        assertEquals(List.of("A. Ruiz", "Ana Ruiz"), renamed.aliases(), "aliases sent empty are kept, the old name added");
        assertTrue(renamed.version() > p.version());
        verify(audit).record(eq(ANN), argThat(e -> "update".equals(e.action())
                && e.changes().stream().anyMatch(c -> c.field().equals("fullName") && "Ana Ruiz".equals(c.oldValue()))));
    }

    @Test
    void aPersonNeedsARoleAndANameAndValidContactDetails() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.PEOPLE, new CasePerson(null, 0, null, "CHEF", " ", null, null, null, "call me",
                        "not-an-email", null, null, null, null)));
        assertEquals(List.of("role", "fullName", "businessPhone", "businessEmail"), fields(e));
        assertEquals(0, rows("lit_person"));
    }

    @Test
    void aFinalMemorandumCanNeitherChangeNorGo() throws Exception {
        LegalMemorandum draft = service.create(ANN, 7, RecordKind.MEMORANDA, memo("Bond strategy", "Draft text",
                null, null, null));
        assertEquals("DRAFT", draft.status());
        assertNull(draft.finalizedAt());
        LegalMemorandum fin = service.update(ANN, 7, RecordKind.MEMORANDA, draft.id(), memo("Bond strategy",
                "Final text", null, "final", draft.version()));
        assertEquals("FINAL", fin.status());
        assertEquals(NOW, fin.finalizedAt());
        assertEquals("ann", fin.finalizedBy());

        StateException edit = assertThrows(StateException.class, () -> service.update(ANN, 7, RecordKind.MEMORANDA,
                fin.id(), memo("Bond strategy", "Changed", null, "DRAFT", fin.version())));
        assertEquals("status", edit.errors().get(0).field());
        assertThrows(StateException.class, () -> service.delete(ANN, 7, RecordKind.MEMORANDA, fin.id(),
                fin.version()));
        assertEquals("Final text", service.get(ANN, 7, RecordKind.MEMORANDA, fin.id()).body());
    }

    @Test
    void aMemorandumIsItsTextOrOneOfTheCasesFiles() throws Exception {
        ValidationException none = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.MEMORANDA, memo("Empty", null, null, null, null)));
        assertEquals(List.of("body"), fields(none));
        ValidationException foreign = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.MEMORANDA, memo("Elsewhere", null, 99L, null, null)));
        assertEquals(List.of("attachmentId"), fields(foreign));
        assertEquals(0, rows("lit_memorandum"));
        assertEquals(41L, service.create(ANN, 7, RecordKind.MEMORANDA, memo("Filed", null, 41L, null, null))
                .attachmentId());
    }

    @Test
    void actionsAndDispositionsPerLevel() {
        ProceedingAction a = service.create(ANN, 7, RecordKind.ACTIONS, new ProceedingAction(null, 0, null, "bia",
                "2026-05-01", "Appeal filed", null, "Board", null, null, null, null));
        assertEquals("BIA", a.level());
        ProceedingAction decided = service.update(ANN, 7, RecordKind.ACTIONS, a.id(), new ProceedingAction(null, 0,
                a.version(), "BIA", "2026-05-01", "Appeal filed", "Dismissed", "Board member X", null, null, null,
                null));
        assertEquals("Dismissed", decided.disposition());

        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.ACTIONS, new ProceedingAction(null, 0, null, "SUPREME", "2026-06-17", null, null, null,
                        null, null, null, null)));
        assertEquals(List.of("level", "date", "action"), fields(e));
    }

    @Test
    void anAFileTransferMovesTheCasesLocationAndStaysHistory() {
        AFileTransfer t = service.create(ANN, 7, RecordKind.A_FILE_TRANSFERS, new AFileTransfer(null, 0, null, null,
                "OCC San Francisco", "2026-06-10", null, null, null, null));
        assertEquals("NRC Lee's Summit", t.fromLocation(), "from defaults to where the case says the file is");
        verify(cases).update(eq(ANN), eq("immigration-case"), eq(7L), eq(3L),
                eq(Map.of("aFileLocation", "OCC San Francisco")));
        assertThrows(StateException.class, () -> service.update(ANN, 7, RecordKind.A_FILE_TRANSFERS, t.id(),
                new AFileTransfer(null, 0, t.version(), null, "Elsewhere", "2026-06-10", null, null, null, null)));
        assertThrows(StateException.class, () -> service.delete(ANN, 7, RecordKind.A_FILE_TRANSFERS, t.id(),
                t.version()));
        assertThrows(NotFoundException.class, () -> service.list(ANN, 9, RecordKind.A_FILE_TRANSFERS, 0, 20, null,
                true), "a federal case has no A-File");
    }

    @Test
    void applicationDatesAreCheckedAndNothingIsWrittenOnError() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.APPLICATIONS, application("2026-06-20", true, "2026-03-01", "2026-01-01")));
        assertEquals(List.of("receivedDate", "workAuthorizationTo"), fields(e));
        ValidationException notGranted = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.APPLICATIONS, application("2026-01-15", false, "2026-03-01", null)));
        assertEquals(List.of("workAuthorizationFrom"), fields(notGranted));
        assertEquals(0, rows("lit_application"));

        ImmigrationApplication ok = service.create(ANN, 7, RecordKind.APPLICATIONS, application("2026-01-15", true,
                "2026-03-01", "2027-02-28"));
        assertEquals("PENDING", ok.decision());
        assertTrue(ok.workAuthorizationGranted());
    }

    @Test
    void aVisaCannotExpireBeforeItWasIssued() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANN, 7, RecordKind.VISAS,
                new VisaRecord(null, 0, null, "B-2", "ISSUED", null, "2025-01-01", "2025-02-01", "2025-01-31", null,
                        null, null, null)));
        assertEquals(List.of("expiryDate"), fields(e));
        VisaRecord v = service.create(ANN, 7, RecordKind.VISAS, new VisaRecord(null, 0, null, "B-2", "issued",
                "X123", "2025-01-01", "2025-02-01", "2035-01-31", null, null, null, null));
        assertEquals("ISSUED", v.status());
    }

    @Test
    void aFileIsFiledOnceUnderACategory() throws Exception {
        CaseDocument d = service.create(ANN, 7, RecordKind.DOCUMENTS, new CaseDocument(null, 0, null, 41L,
                "charging_document", "Notice to Appear", "2026-01-05", null, null, null, null));
        assertEquals("CHARGING_DOCUMENT", d.category());
        ValidationException twice = assertThrows(ValidationException.class, () -> service.create(ANN, 7,
                RecordKind.DOCUMENTS, new CaseDocument(null, 0, null, 41L, "EVIDENCE", null, null, null, null, null,
                        null)));
        assertEquals(List.of("attachmentId"), fields(twice));
        CaseDocument changed = service.update(ANN, 7, RecordKind.DOCUMENTS, d.id(), new CaseDocument(null, 0,
                d.version(), 41L, "COURT_FILING", "NTA as filed", null, null, null, null, null));
        assertEquals("COURT_FILING", changed.category());
        assertEquals(1, rows("lit_document"));
    }

    @Test
    void staleAndVersionlessWritesAreRefused() throws Exception {
        PhaseNote n = service.create(ANN, 7, RecordKind.PHASE_NOTES, new PhaseNote(null, 0, null, "pre_trial",
                "Witness list due", null, null, null, null));
        ConflictException stale = assertThrows(ConflictException.class, () -> service.update(ANN, 7,
                RecordKind.PHASE_NOTES, n.id(), new PhaseNote(null, 0, n.version() + 5, "TRIAL", "x", null, null,
                        null, null)));
        assertEquals(n.version(), stale.currentVersion());
        ValidationException none = assertThrows(ValidationException.class, () -> service.update(ANN, 7,
                RecordKind.PHASE_NOTES, n.id(), new PhaseNote(null, 0, null, "TRIAL", "x", null, null, null, null)));
        assertEquals(List.of("version"), fields(none));
        assertThrows(ConflictException.class, () -> service.delete(ANN, 7, RecordKind.PHASE_NOTES, n.id(), 99));
        service.delete(ANN, 7, RecordKind.PHASE_NOTES, n.id(), n.version());
        assertEquals(0, rows("lit_phase_note"));
        verify(audit).record(eq(ANN), argThat(e -> "delete".equals(e.action()) && e.detail().contains("removed")));
    }

    @Test
    void hiddenCasesAreMissingAndReadersMayNotWrite() throws Exception {
        assertThrows(NotFoundException.class, () -> service.list(ANN, 8, RecordKind.PEOPLE, 0, 20, null, true));
        assertThrows(NotFoundException.class, () -> service.create(ANN, 8, RecordKind.PEOPLE,
                person("JUDGE", "Judge A", null, null)));
        assertThrows(ForbiddenException.class, () -> service.create(ERO, 7, RecordKind.PEOPLE,
                person("JUDGE", "Judge A", null, null)));
        assertEquals(0, rows("lit_person"));
        verify(audit).record(eq(ERO), argThat(e -> AuditEvent.DENIED.equals(e.outcome())));
        verify(cases, never()).update(any(), any(), anyLong(), anyLong(), anyMap());
        CasePerson p = service.create(ANN, 7, RecordKind.PEOPLE, person("JUDGE", "Judge A", null, null));
        assertThrows(NotFoundException.class, () -> service.get(ANN, 9, RecordKind.PEOPLE, p.id()),
                "a record is reached only through its own case");
    }

    @Test
    void listsArePagedAndSortedByNamedProperties() {
        for (String name : List.of("Carla", "Ana", "Beto")) {
            service.create(ANN, 7, RecordKind.PEOPLE, person("WITNESS", name, null, null));
        }
        Page<CasePerson> page = service.list(ANN, 7, RecordKind.PEOPLE, 0, 2, "fullName", false);
        assertEquals(3, page.total());
        assertEquals(List.of("Carla", "Beto"), page.items().stream().map(CasePerson::fullName).toList());
        ValidationException e = assertThrows(ValidationException.class, () -> service.list(ANN, 7,
                RecordKind.PEOPLE, -1, 500, "age", true));
        assertEquals(List.of("page", "size", "sort"), fields(e));
    }

    @Test
    void theRespondentsAgeComesFromTheDateOfBirth() {
        Respondent r = service.respondent(ANN, 7);
        assertEquals("Maria Lopez", r.fullName());
        assertEquals(List.of("Maria L."), r.aliases());
        assertEquals(35, r.age(), "born 1990-06-16, it is 2026-06-15: one day short of 36");
        assertEquals(36, CaseRecordsServiceImpl.respondentOf(immigrationCase(Map.of("respondent",
                Map.of("fullName", "X", "dateOfBirth", "1990-06-16"))), LocalDate.parse("2026-06-16")).age());
        assertNull(CaseRecordsServiceImpl.respondentOf(immigrationCase(Map.of("respondent",
                Map.of("fullName", "X"))), LocalDate.parse("2026-06-16")).age());
        assertThrows(NotFoundException.class, () -> service.respondent(ANN, 9));
        assertNotNull(r);
    }
}
