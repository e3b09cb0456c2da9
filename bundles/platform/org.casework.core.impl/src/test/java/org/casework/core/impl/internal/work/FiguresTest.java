package org.casework.core.impl.internal.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casework.core.api.CaseRecord;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.work.CaseFigures;
import org.casework.core.api.work.TimeEntryInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private WorkFixture f;
    private Figures figures;

    @BeforeEach
    void setUp() throws Exception {
        f = new WorkFixture();
        figures = new Figures(f.engine, org.mockito.Mockito.mock(org.casework.audit.api.AuditService.class), f.engine,
                null);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private CaseRecord open(String title) {
        return f.engine.create(WorkFixture.ANA, "matter", Map.of("title", title));
    }

    private CaseRecord move(CaseRecord c, String transition) {
        return f.engine.transition(WorkFixture.ANA, "matter", c.id(), c.version(), transition, null);
    }

    @Test
    void lifeCycleIsTheTimeFromOpeningToTheLastClosing() {
        CaseRecord twoDays = open("Two days");
        CaseRecord fourDays = open("Four days");
        open("Still open");
        f.clock.advance(Duration.ofDays(2));
        move(twoDays, "close");
        f.clock.advance(Duration.ofDays(2));
        move(move(fourDays, "start"), "close");
        List<CaseFigures.Lifecycle> life = figures.lifecycle(WorkFixture.MANAGER, null, null, null, null);
        assertEquals(1, life.size());
        CaseFigures.Lifecycle l = life.get(0);
        assertEquals(2, l.closedCases());
        assertEquals(new BigDecimal("3.00"), l.averageDays());
        assertEquals(new BigDecimal("3.00"), l.medianDays());
        assertEquals(new BigDecimal("2.00"), l.minDays());
        assertEquals(new BigDecimal("4.00"), l.maxDays());
        assertEquals(List.of(), figures.lifecycle(WorkFixture.MANAGER, "matter", null, f.today().plusDays(1), null));
        assertEquals(1, figures.lifecycle(WorkFixture.MANAGER, "matter", null, f.today().minusDays(2),
                f.today().minusDays(2)).get(0).closedCases());
    }

    @Test
    void effortIsTheTimeEnteredPerCase() {
        TimeEntries time = f.timeEntries();
        CaseRecord a = open("A");
        CaseRecord b = open("B");
        time.add(WorkFixture.ANA, "matter", a.id(), new TimeEntryInput(f.today(), 90, null, "x", null));
        time.add(WorkFixture.BEN, "matter", a.id(), new TimeEntryInput(f.today().minusDays(3), 30, null, "x", null));
        time.add(WorkFixture.ANA, "matter", b.id(), new TimeEntryInput(f.today(), 45, null, "x", null));
        CaseFigures.Effort e = figures.effort(WorkFixture.MANAGER, "matter", null, null, null).get(0);
        assertEquals(new CaseFigures.Effort("matter", null, 2, 3, 165, 83, new BigDecimal("1.38")), e);
        CaseFigures.Effort recent = figures.effort(WorkFixture.MANAGER, null, null, f.today(), f.today()).get(0);
        assertEquals(135, recent.totalMinutes());
        assertThrows(ForbiddenException.class, () -> figures.effort(WorkFixture.ANA, null, null, null, null));
        assertEquals("to", assertThrows(ValidationException.class, () -> figures.effort(WorkFixture.MANAGER, null,
                null, f.today(), f.today().minusDays(1))).errors().get(0).field());
        assertEquals("type", assertThrows(ValidationException.class, () -> figures.lifecycle(WorkFixture.MANAGER,
                "nothing", null, null, null)).errors().get(0).field());
    }
}
