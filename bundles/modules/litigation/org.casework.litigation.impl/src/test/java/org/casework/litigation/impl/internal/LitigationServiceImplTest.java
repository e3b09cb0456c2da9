package org.casework.litigation.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.litigation.api.DueDateInput;
import org.casework.litigation.api.Hearing;
import org.casework.litigation.api.HearingInput;
import org.casework.litigation.impl.internal.types.ImmigrationCaseType;
import org.casework.projects.api.ProjectRecord;
import org.casework.projects.api.ProjectService;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LitigationServiceImplTest {

    private static final Instant OPENED = Instant.parse("2026-06-15T15:00:00Z");
    private static final Caller ANN = new Caller("ann", "Ann", Set.of("attorney"), Set.of("occ-sf"), false, false);

    private DerbyJpaTemplate jpa;
    private CaseService cases;
    private ProjectService projects;
    private AuditService audit;
    private AccessPolicy policy;
    private LitigationServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-litigation-test", "V1__litigation.derby.sql", "V3__calendar.derby.sql");
        cases = mock(CaseService.class);
        projects = mock(ProjectService.class);
        audit = mock(AuditService.class);
        policy = mock(AccessPolicy.class);
        when(cases.caseTypes(any())).thenReturn(List.of(ImmigrationCaseType.DEFINITION));
        when(cases.caseType("immigration-case")).thenReturn(Optional.of(ImmigrationCaseType.DEFINITION));
        when(cases.get(ANN, "immigration-case", 7L)).thenReturn(new CaseRecord(7, "immigration-case",
                "IMM-2026-000007", "X", "OPEN", false, 0, null, null, Map.of(), OPENED, "ann", OPENED, "ann", "occ-sf"));
        when(cases.get(eq(ANN), eq("immigration-case"), eq(8L))).thenThrow(new NotFoundException("Case 8"));
        when(policy.permits(eq(ANN), eq("update"), any())).thenReturn(true);
        service = new LitigationServiceImpl(jpa, cases, projects, audit, new ANumberIndex(jpa, cases, false), policy,
                Clock.fixed(OPENED.plusSeconds(3600), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private long rows(String table) throws SQLException {
        try (Statement st = jpa.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aHearingBeforeTheCaseWasOpenedIsRefusedNamingTheDate() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> service.addHearing(ANN, 7,
                new HearingInput("2026-06-01", "09:00", "SF", "INDIVIDUAL", "Judge A")));
        assertEquals(List.of("date"), fields(e));
        assertEquals(0, rows("lit_hearing"));
        // the opening day itself is allowed
        Hearing h = service.addHearing(ANN, 7, new HearingInput("2026-06-15", null, null, "bond", null));
        assertEquals("BOND", h.type());
        assertEquals(1, rows("lit_hearing"));
        verify(audit).record(eq(ANN), argThat(a -> "create".equals(a.action()) && "7".equals(a.recordId())
                && a.detail().startsWith("hearing ")));
    }

    @Test
    void everyBadPartOfAHearingIsNamed() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> service.addHearing(ANN, 7,
                new HearingInput("15/07/2026", "9am", "x".repeat(201), "PICNIC", null)));
        assertEquals(List.of("date", "time", "type", "location"), fields(e));
        assertEquals(0, rows("lit_hearing"));
    }

    @Test
    void aDueDateWithoutATypeIsRefused() throws Exception {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.addDueDate(ANN, 7, new DueDateInput(" ", "2026-07-01", null)));
        assertEquals(List.of("type"), fields(e));
        assertEquals(0, rows("lit_due_date"));
        assertEquals("PLEADING", service.addDueDate(ANN, 7, new DueDateInput("pleading", "2026-07-01", null)).type());
    }

    @Test
    void aCaseTheCallerMayNotReadIsNotFoundAndNothingIsWritten() throws Exception {
        assertThrows(NotFoundException.class, () -> service.addHearing(ANN, 8,
                new HearingInput("2026-07-01", null, null, "BOND", null)));
        assertThrows(NotFoundException.class, () -> service.hearings(ANN, 8, 0, 20, null, true));
        assertEquals(0, rows("lit_hearing"));
    }

    @Test
    void aCallerWithoutLitigationTypesIsRefusedAndTheDenialAudited() {
        Caller outsider = new Caller("olga", "Olga", Set.of("auditor"), Set.of(), false, false);
        when(cases.caseTypes(outsider)).thenReturn(List.of());
        assertThrows(NotFoundException.class, () -> service.dueDates(outsider, 7, 0, 20, null, true));
        verify(audit).record(eq(outsider), argThat(a -> AuditEvent.DENIED.equals(a.outcome())));
        verify(cases, never()).get(eq(outsider), anyString(), anyLong());
    }

    @Test
    void aReaderWhoMayNotChangeTheCaseIsForbiddenAndAudited() throws Exception {
        when(policy.permits(eq(ANN), eq("update"), any())).thenReturn(false);
        assertThrows(ForbiddenException.class, () -> service.addDueDate(ANN, 7,
                new DueDateInput("MOTION", "2026-07-01", null)));
        verify(audit).record(eq(ANN), argThat(a -> AuditEvent.DENIED.equals(a.outcome())));
        assertEquals(0, rows("lit_due_date"));
    }

    @Test
    void hearingsComeSortedAndPaged() {
        for (String d : List.of("2026-08-03", "2026-07-01", "2026-07-20")) {
            service.addHearing(ANN, 7, new HearingInput(d, null, null, "STATUS", null));
        }
        Page<Hearing> first = service.hearings(ANN, 7, 0, 2, null, true);
        assertEquals(3, first.total());
        assertEquals(List.of("2026-07-01", "2026-07-20"), first.items().stream().map(Hearing::date).toList());
        assertEquals(List.of("2026-08-03"), service.hearings(ANN, 7, 0, 1, "date", false).items().stream()
                .map(Hearing::date).toList());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.hearings(ANN, 7, -1, 500, "judge", true));
        assertEquals(List.of("page", "size", "sort"), fields(e));
    }

    @Test
    void lettersInAnANumberAreRefusedBeforeAnyLookUp() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.findByANumber(ANN, "A12B45678"));
        assertEquals(List.of("aNumber"), fields(e));
        assertTrue(service.findByANumber(ANN, "A123-456-789").isEmpty());
    }

    @Test
    void onlyAPlaceholderBecomesACase() {
        when(projects.get(ANN, 3)).thenReturn(new ProjectRecord(3, "PRJ-2026-000003", "Budget", "BUDGET", null,
                "occ-sf", "OPEN", false, 0));
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.createFromProject(ANN, 3, Map.of("aNumber", "123456789"), null));
        assertEquals(List.of("projectId"), fields(e));
        verify(cases, never()).create(any(), anyString(), any(), any());
    }

    @Test
    void aPlaceholderBecomesACaseLinkedToIt() {
        when(projects.get(ANN, 4)).thenReturn(new ProjectRecord(4, "PRJ-2026-000004", "Placeholder",
                ProjectService.PLACEHOLDER, null, "occ-sf", "OPEN", false, 0));
        Map<String, Object> fields = Map.of("aNumber", "123456789");
        when(cases.create(ANN, "immigration-case", fields, null)).thenReturn(new CaseRecord(9, "immigration-case",
                "IMM-2026-000009", "X", "OPEN", false, 0, null, null, fields, OPENED, "ann", OPENED, "ann", "occ-sf"));
        assertEquals(9, service.createFromProject(ANN, 4, fields, null).id());
        verify(projects).convertedToCase(ANN, 4, 9);
        verify(audit).record(eq(ANN), argThat(a -> a.detail().contains("PRJ-2026-000004")));
    }
}
