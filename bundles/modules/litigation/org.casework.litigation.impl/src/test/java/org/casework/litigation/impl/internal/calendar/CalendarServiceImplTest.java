package org.casework.litigation.impl.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseService;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.Visibility;
import org.casework.litigation.api.CalendarEntry;
import org.casework.litigation.api.CalendarQuery;
import org.casework.litigation.api.Workload;
import org.casework.litigation.impl.internal.persistence.DueDateEntity;
import org.casework.litigation.impl.internal.persistence.HearingEntity;
import org.casework.litigation.impl.internal.persistence.LitCaseEntity;
import org.casework.litigation.impl.internal.types.AdministrativeCaseType;
import org.casework.litigation.impl.internal.types.FederalLitigationType;
import org.casework.litigation.impl.internal.types.ImmigrationCaseType;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.UserAccount;
import org.casework.security.api.UserService;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calendar, workload and reminders against the real tables on in-memory Derby. */
class CalendarServiceImplTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Caller ANN = new Caller("ann", "Ann", Set.of("attorney"), Set.of("occ-sf"), false, false,
            Set.of("case.immigration-case:read", "case.federal-litigation:read:division"));
    private static final Caller BOB = new Caller("bob", "Bob", Set.of("attorney"), Set.of("occ-ny"), false, false,
            Set.of("case.immigration-case:read", "case.federal-litigation:read:division"));
    private static final Caller MANAGER = new Caller("meg", "Meg", Set.of("legal-manager"), Set.of("occ-sf"), false,
            false, Set.of("case.immigration-case:read", "case.federal-litigation:read:division",
                    "litigation.workload:read"));

    private DerbyJpaTemplate jpa;
    private CaseService cases;
    private AuditService audit;
    private AccessPolicy policy;
    private MailService mail;
    private UserService users;
    private AuthenticationService authentication;
    private CalendarServiceImpl service;
    private ReminderRunner reminders;
    private String daysBefore = "7,1";

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-litigation-test", "V1__litigation.derby.sql", "V3__calendar.derby.sql",
                "V4__calendar_covering.derby.sql");
        cases = mock(CaseService.class);
        audit = mock(AuditService.class);
        policy = mock(AccessPolicy.class);
        mail = mock(MailService.class);
        users = mock(UserService.class);
        authentication = mock(AuthenticationService.class);
        when(cases.caseType("immigration-case")).thenReturn(Optional.of(ImmigrationCaseType.DEFINITION));
        when(cases.caseType("federal-litigation")).thenReturn(Optional.of(FederalLitigationType.DEFINITION));
        when(cases.caseType("administrative-case")).thenReturn(Optional.of(AdministrativeCaseType.DEFINITION));
        for (Caller c : List.of(ANN, BOB, MANAGER)) {
            when(policy.visibility(eq(c), eq("case.immigration-case"), eq("read"))).thenReturn(Visibility.ALL);
            when(policy.visibility(eq(c), eq("case.federal-litigation"), eq("read"))).thenReturn(
                    new Visibility(false, c.divisions(), false, false, Set.of()));
            when(policy.visibility(eq(c), eq("case.administrative-case"), eq("read"))).thenReturn(Visibility.NONE);
        }
        when(policy.permits(any(), eq("read"), any())).thenReturn(true);
        when(mail.enabled()).thenReturn(true);
        when(mail.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        when(authentication.callerFor("ann")).thenReturn(Optional.of(ANN));
        when(users.find(any(), eq("ann"))).thenReturn(Optional.of(new UserAccount("ann", "Ann", "ann@example.org",
                Set.of("attorney"), Set.of("occ-sf"), true, false, NOW, 0)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        reminders = new ReminderRunner(jpa, cases, audit, authentication, users, mail, policy, config(), clock, false);
        service = new CalendarServiceImpl(jpa, cases, audit, authentication, reminders, policy, clock);

        // an immigration case of Ann's in San Francisco, a federal case of Ann's in San Francisco,
        // and a federal case of Bob's in New York
        caseWith(1, "immigration-case", "IMM-2027-000001", "ann", "occ-sf", false);
        caseWith(2, "federal-litigation", "FED-2027-000002", "ann", "occ-sf", false);
        caseWith(3, "federal-litigation", "FED-2027-000003", "bob", "occ-ny", false);
        hearing(1, "2027-03-05", "09:00");
        hearing(1, "2027-03-02", null);
        hearing(2, "2027-03-04", "14:30");
        hearing(3, "2027-03-03", "10:00");
        dueDate(1, "2027-03-08", false);
        dueDate(2, "2027-02-20", false);
        dueDate(2, "2027-02-21", true);
    }

    private RemindersConfig config() {
        return new RemindersConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RemindersConfig.class;
            }

            @Override
            public String daysBefore() {
                return daysBefore;
            }

            @Override
            public boolean email() {
                return true;
            }

            @Override
            public int checkMinutes() {
                return 60;
            }
        };
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private void caseWith(long id, String type, String number, String assignee, String division, boolean closed) {
        jpa.txExpr(TransactionType.Required, em -> {
            LitCaseEntity c = new LitCaseEntity(id, type, "creator", NOW.minusSeconds(86_400 * 30));
            c.update(number, "Case " + id, closed ? "CLOSED" : "OPEN", closed, assignee, division);
            em.persist(c);
            return null;
        });
    }

    private void hearing(long caseId, String date, String time) {
        jpa.txExpr(TransactionType.Required, em -> {
            LitCaseEntity c = em.find(LitCaseEntity.class, caseId);
            HearingEntity h = new HearingEntity(caseId, LocalDate.parse(date), time, "Court, room 3; floor 2",
                    "INDIVIDUAL", "Judge A", NOW, "creator");
            h.setCase(c.getCaseType(), c.getDivision(), c.getAssignee(), c.getCreatedBy(), !c.isClosed());
            em.persist(h);
            return null;
        });
    }

    private void dueDate(long caseId, String date, boolean completed) {
        jpa.txExpr(TransactionType.Required, em -> {
            LitCaseEntity c = em.find(LitCaseEntity.class, caseId);
            DueDateEntity d = new DueDateEntity(caseId, "BRIEF", LocalDate.parse(date), "Opening brief", NOW,
                    "creator");
            d.change("BRIEF", LocalDate.parse(date), "Opening brief", completed);
            d.setCase(c.getCaseType(), c.getDivision(), c.getAssignee(), c.getCreatedBy(), !c.isClosed());
            em.persist(d);
            return null;
        });
    }

    @Test
    void anAttorneysOwnCalendarListsHearingsAndDueDatesByDateAndTime() {
        Page<CalendarEntry> page = service.calendar(ANN, new CalendarQuery(null, null, null, null, null, false, 0,
                50, true));
        assertEquals(4, page.total());
        assertEquals(List.of("2027-03-02", "2027-03-04", "2027-03-05", "2027-03-08"),
                page.items().stream().map(CalendarEntry::date).toList());
        assertEquals("IMM-2027-000001", page.items().get(0).caseNumber());
        assertEquals(CalendarEntry.DUE_DATE, page.items().get(3).kind());

        Page<CalendarEntry> second = service.calendar(ANN, new CalendarQuery(null, null, null, null, null, false, 1,
                3, true));
        assertEquals(List.of("2027-03-08"), second.items().stream().map(CalendarEntry::date).toList());
    }

    @Test
    void anOfficeCalendarHidesCasesOfAnotherDivision() {
        Page<CalendarEntry> ny = service.calendar(ANN, new CalendarQuery(null, "occ-ny", null, null, "hearing", false,
                0, 50, true));
        assertEquals(0, ny.total(), "a federal case of another division is not Ann's to see");
        Page<CalendarEntry> bobs = service.calendar(BOB, new CalendarQuery(null, "occ-ny", null, null, "hearing",
                false, 0, 50, true));
        assertEquals(1, bobs.total());
        Page<CalendarEntry> sf = service.calendar(BOB, new CalendarQuery(null, "occ-sf", null, null, "hearing", false,
                0, 50, true));
        assertEquals(List.of(1L, 1L), sf.items().stream().map(CalendarEntry::caseId).toList(),
                "Bob sees San Francisco's immigration hearings, not its federal one");
    }

    @Test
    void aListLongerThanPagesReachHasACappedTotal() {
        // 10,001 upcoming hearings in New York: one more than any page reaches
        jpa.txExpr(TransactionType.Required, em -> {
            LitCaseEntity c = em.find(LitCaseEntity.class, 3L);
            for (int i = 0; i < CalendarServiceImpl.MAX_DEPTH; i++) {
                HearingEntity h = new HearingEntity(3L, LocalDate.parse("2027-04-01").plusDays(i % 300),
                        String.format("%02d:00", 8 + i % 9), "Court", "INDIVIDUAL", "Judge B", NOW, "creator");
                h.setCase(c.getCaseType(), c.getDivision(), c.getAssignee(), c.getCreatedBy(), true);
                em.persist(h);
            }
            return null;
        });
        Page<CalendarEntry> hearings = service.calendar(BOB, new CalendarQuery(null, "occ-ny", null, null, "hearing",
                false, 0, 50, true));
        assertEquals(CalendarServiceImpl.MAX_DEPTH + 1, hearings.total(), "more than 10,000 reads 10,001");
        assertEquals("2027-03-03", hearings.items().get(0).date());
        Page<CalendarEntry> last = service.calendar(BOB, new CalendarQuery(null, "occ-ny", null, null, "hearing",
                false, 49, 200, true));
        assertEquals(200, last.items().size(), "the deepest page is full");
        assertEquals(CalendarServiceImpl.MAX_DEPTH + 1, last.total());
        Page<CalendarEntry> both = service.calendar(BOB, new CalendarQuery("bob", null, null, null, null, false, 0,
                50, true));
        assertEquals(CalendarServiceImpl.MAX_DEPTH + 1, both.total(), "hearings and due dates together are capped");
        Page<CalendarEntry> narrowed = service.calendar(BOB, new CalendarQuery(null, "occ-ny", "2027-04-01",
                "2027-04-01", "hearing", false, 0, 50, true));
        assertEquals(34, narrowed.total(), "below the cap the total is exact");

        Caller nyManager = new Caller("max", "Max", Set.of("legal-manager"), Set.of("occ-ny"), false, false,
                Set.of("litigation.workload:read"));
        when(policy.visibility(eq(nyManager), any(), eq("read"))).thenReturn(Visibility.ALL);
        Workload w = service.workload(nyManager, null, "occ-ny", LocalDate.parse("2027-03-01"), 5);
        assertEquals(CalendarServiceImpl.MAX_DEPTH + 1, w.upcomingHearings(), "the workload's count stays exact");
    }

    @Test
    void badQueriesNameTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.calendar(ANN,
                new CalendarQuery("ann", "occ-sf", "2027-13-01", null, "trial", false, 0, 500, true)));
        assertEquals(Set.of("office", "from", "kind", "size"), Set.copyOf(e.errors().stream()
                .map(org.casework.core.api.FieldError::field).toList()));
    }

    @Test
    void workloadCountsOpenCasesUpcomingHearingsAndOverdueDueDatesForManagersOnly() {
        assertThrows(ForbiddenException.class, () -> service.workload(ANN, null, "occ-sf", null, 20));
        Workload w = service.workload(MANAGER, null, "occ-sf", null, 20);
        assertEquals(2, w.openCases());
        assertEquals(3, w.upcomingHearings());
        assertEquals(1, w.overdueDueDates(), "the completed one is not overdue");
        assertEquals("2027-02-20", w.overdue().get(0).date());
        assertEquals(1, w.byAttorney().size());
        assertEquals("ann", w.byAttorney().get(0).attorney());
        assertEquals(2, w.byAttorney().get(0).openCases());
    }

    @Test
    void aReminderGoesOutOnceForEachLeadTime() {
        // due 2027-03-08: seven days ahead on 03-01
        assertEquals(1, reminders.run(LocalDate.parse("2027-03-01")));
        assertEquals(0, reminders.run(LocalDate.parse("2027-03-01")), "not twice");
        assertEquals(0, reminders.run(LocalDate.parse("2027-03-03")), "the 7-day reminder was sent already");
        assertEquals(1, reminders.run(LocalDate.parse("2027-03-07")), "the day before");
        verify(mail, times(2)).send(any(MailMessage.class));
        assertEquals(2, service.myReminders(ANN, 0, 20).total());
        assertEquals(0, service.myReminders(BOB, 0, 20).total());
        assertEquals(1, service.myReminders(ANN, 0, 20).items().get(0).daysBefore());
    }

    @Test
    void onlyAdministratorsRunRemindersByHand() {
        assertThrows(ForbiddenException.class, () -> service.runReminders(ANN, LocalDate.parse("2027-03-01")));
        assertEquals(1, service.runReminders(Caller.system("admin"), LocalDate.parse("2027-03-01")));
    }

    @Test
    void theFeedServesTheOwnersEntriesUntilRevoked() {
        String token = service.createFeedToken(ANN).token();
        String ics = service.feed(token).orElseThrow();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("LOCATION:Court\\, room 3\\; floor 2\r\n"), ics);
        assertTrue(ics.contains("DTSTART:20270305T090000\r\n"), ics);
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20270302\r\n"), ics);
        assertFalse(ics.contains("FED-2027-000003"), "Bob's case is not in Ann's feed");
        String second = service.createFeedToken(ANN).token();
        assertTrue(service.feed(token).isEmpty(), "a new token revokes the old one");
        assertTrue(service.revokeFeedToken(ANN));
        assertTrue(service.feed(second).isEmpty());
        assertTrue(service.feed("not-a-token-of-anyone-at-all").isEmpty());
    }
}
