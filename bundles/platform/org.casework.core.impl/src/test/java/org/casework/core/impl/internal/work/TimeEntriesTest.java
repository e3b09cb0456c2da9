package org.casework.core.impl.internal.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.work.TimeEntry;
import org.casework.core.api.work.TimeEntryInput;
import org.casework.core.api.work.TimeTotals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeEntriesTest {

    private WorkFixture f;
    private TimeEntries time;
    private long caseId;

    @BeforeEach
    void setUp() throws Exception {
        f = new WorkFixture();
        time = f.timeEntries();
        caseId = f.newCase("Budget review");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private TimeEntryInput input(LocalDate day, int minutes, String activity) {
        return new TimeEntryInput(day, minutes, null, activity, null);
    }

    private static void assertField(ValidationException e, String field, String rule) {
        assertTrue(e.errors().stream().anyMatch(x -> field.equals(x.field()) && rule.equals(x.rule())),
                e.errors().toString());
    }

    @Test
    void entriesOnOrBeforeTheLockDateAreRefusedNamingTheDateAndNothingIsWritten() {
        LocalDate lock = f.today().minusDays(10);
        time.setLock(WorkFixture.MANAGER, lock);
        ValidationException on = assertThrows(ValidationException.class,
                () -> time.add(WorkFixture.ANA, "matter", caseId, input(lock, 30, "Reading")));
        assertField(on, "workDate", "locked");
        assertThrows(ValidationException.class,
                () -> time.add(WorkFixture.ANA, "matter", caseId, input(lock.minusDays(1), 30, "Reading")));
        assertEquals(0, time.list(WorkFixture.ANA, "matter", caseId, null, 0, 20, null, false).total());

        TimeEntry ok = time.add(WorkFixture.ANA, "matter", caseId, input(lock.plusDays(1), 30, "Reading"));
        time.setLock(WorkFixture.MANAGER, lock.plusDays(1));
        assertField(assertThrows(ValidationException.class, () -> time.update(WorkFixture.ANA, "matter", caseId,
                ok.id(), ok.version(), input(f.today(), 45, "Reading"))), "workDate", "locked");
        assertField(assertThrows(ValidationException.class, () -> time.delete(WorkFixture.MANAGER, "matter", caseId,
                ok.id())), "workDate", "locked");
        assertEquals(30, time.list(WorkFixture.ANA, "matter", caseId, null, 0, 20, null, false).items().get(0).minutes());
    }

    @Test
    void theLockIsSetByManagersOnlyAuditedAndNeverInTheFuture() {
        assertThrows(ForbiddenException.class, () -> time.setLock(WorkFixture.ANA, f.today()));
        assertField(assertThrows(ValidationException.class, () -> time.setLock(WorkFixture.MANAGER,
                f.today().plusDays(1))), "lockDate", "notInFuture");
        time.setLock(WorkFixture.MANAGER, LocalDate.parse("2026-02-28"));
        time.setLock(WorkFixture.MANAGER, null);
        List<AuditEvent> lockEvents = f.audited.stream().filter(e -> "time-lock".equals(e.recordType())).toList();
        assertEquals(List.of(AuditEvent.DENIED, AuditEvent.SUCCESS, AuditEvent.SUCCESS),
                lockEvents.stream().map(AuditEvent::outcome).toList());
        assertEquals(List.of(new FieldChange("lockDate", null, "2026-02-28")), lockEvents.get(1).changes());
        assertEquals(List.of(new FieldChange("lockDate", "2026-02-28", null)), lockEvents.get(2).changes());
        assertNull(time.lock(WorkFixture.ANA).lockDate());
    }

    @Test
    void theRollingLockFromTheConfigurationAppliesBesideTheSetDate() {
        f.lockDays = 7;
        time = f.timeEntries();
        assertEquals(f.today().minusDays(7), time.lock(WorkFixture.ANA).lockDate());
        assertThrows(ValidationException.class,
                () -> time.add(WorkFixture.ANA, "matter", caseId, input(f.today().minusDays(7), 30, "Old")));
        time.add(WorkFixture.ANA, "matter", caseId, input(f.today().minusDays(6), 30, "Recent"));
        time.setLock(WorkFixture.MANAGER, f.today().minusDays(2));
        assertEquals(f.today().minusDays(2), time.lock(WorkFixture.ANA).lockDate());
    }

    @Test
    void onlyThePersonOrAManagerChangesAnEntry() {
        TimeEntry mine = time.add(WorkFixture.ANA, "matter", caseId, input(f.today(), 30, "Drafting"));
        assertThrows(ForbiddenException.class, () -> time.update(WorkFixture.BEN, "matter", caseId, mine.id(),
                mine.version(), input(f.today(), 60, "Drafting")));
        assertThrows(ForbiddenException.class, () -> time.delete(WorkFixture.BEN, "matter", caseId, mine.id()));
        TimeEntry changed = time.update(WorkFixture.ANA, "matter", caseId, mine.id(), mine.version(),
                input(f.today(), 60, "Drafting"));
        assertEquals(60, changed.minutes());
        assertThrows(ConflictException.class, () -> time.update(WorkFixture.ANA, "matter", caseId, mine.id(),
                mine.version(), input(f.today(), 90, "Drafting")));
        time.delete(WorkFixture.MANAGER, "matter", caseId, mine.id());
        assertEquals(0, time.totals(WorkFixture.ANA, "matter", caseId).entries());
        assertThrows(ForbiddenException.class, () -> time.add(WorkFixture.BEN, "matter", caseId,
                new TimeEntryInput(f.today(), 10, null, "For Ana", "ana")));
        assertEquals("ana", time.add(WorkFixture.MANAGER, "matter", caseId,
                new TimeEntryInput(f.today(), 10, null, "For Ana", "ana")).person());
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.MANAGER, "matter", caseId,
                new TimeEntryInput(f.today(), 10, null, "For nobody", "nobody"))), "person", "unknown");
    }

    @Test
    void inputIsCheckedFieldByField() {
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.ANA, "matter", caseId,
                new TimeEntryInput(f.today(), 10, BigDecimal.ONE, "Both", null))), "hours", "exclusive");
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.ANA, "matter", caseId,
                new TimeEntryInput(f.today(), null, null, "None", null))), "minutes", "required");
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.ANA, "matter", caseId,
                input(f.today().plusDays(1), 10, "Tomorrow"))), "workDate", "notInFuture");
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.ANA, "matter", caseId,
                input(f.today(), 1441, "Too long"))), "minutes", "range");
        assertField(assertThrows(ValidationException.class, () -> time.add(WorkFixture.ANA, "matter", caseId,
                input(f.today(), 10, " "))), "activity", "required");
        assertField(assertThrows(ValidationException.class, () -> time.list(WorkFixture.ANA, "matter", caseId, null,
                0, 20, "activity", true)), "sort", "unknown");
        assertEquals(90, time.add(WorkFixture.ANA, "matter", caseId,
                new TimeEntryInput(f.today(), null, new BigDecimal("1.5"), "Hours", null)).minutes());
    }

    @Test
    void totalsListsAndNeedToKnow() {
        time.add(WorkFixture.ANA, "matter", caseId, input(f.today(), 30, "A"));
        time.add(WorkFixture.ANA, "matter", caseId, input(f.today().minusDays(1), 45, "B"));
        time.add(WorkFixture.BEN, "matter", caseId, input(f.today(), 120, "C"));
        TimeTotals totals = time.totals(WorkFixture.VIEWER, "matter", caseId);
        assertEquals(195, totals.totalMinutes());
        assertEquals(List.of(new TimeTotals.PersonTotal("ben", 1, 120), new TimeTotals.PersonTotal("ana", 2, 75)),
                totals.byPerson());
        var page = time.list(WorkFixture.ANA, "matter", caseId, "ana", 0, 1, "minutes", true);
        assertEquals(2, page.total());
        assertEquals(30, page.items().get(0).minutes());
        assertThrows(NotFoundException.class, () -> time.list(WorkFixture.OUTSIDER, "matter", caseId, null, 0, 20,
                null, false));
        assertThrows(ForbiddenException.class, () -> time.add(WorkFixture.VIEWER, "matter", caseId,
                input(f.today(), 10, "Viewer")));
        assertTrue(f.engine.history(WorkFixture.ANA, "matter", caseId).stream()
                .anyMatch(h -> h.action().equals("time-added")));
    }
}
