package org.casework.core.impl.internal.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.work.CaseDiaryEvent;
import org.casework.core.api.work.CaseMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseTeamTest {

    private WorkFixture f;
    private CaseTeam team;
    private long caseId;

    @BeforeEach
    void setUp() throws Exception {
        f = new WorkFixture();
        team = f.team();
        caseId = f.newCase("Policy review");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static String field(ValidationException e) {
        return e.errors().get(0).field();
    }

    @Test
    void severalPeopleInRolesAreAddedAndRemoved() {
        team.addMember(WorkFixture.ANA, "matter", caseId, "ana", "lead");
        CaseMember ben = team.addMember(WorkFixture.ANA, "matter", caseId, "Ben", "member");
        team.addMember(WorkFixture.ANA, "matter", caseId, "ben", "reviewer");
        assertEquals("ben", ben.person());
        assertEquals("person", field(assertThrows(ValidationException.class,
                () -> team.addMember(WorkFixture.ANA, "matter", caseId, "ben", "member"))));
        assertEquals("role", field(assertThrows(ValidationException.class,
                () -> team.addMember(WorkFixture.ANA, "matter", caseId, "ben", "boss"))));
        assertEquals("person", field(assertThrows(ValidationException.class,
                () -> team.addMember(WorkFixture.ANA, "matter", caseId, "nobody", "member"))));
        assertEquals(List.of("lead ana", "member ben", "reviewer ben"), team.members(WorkFixture.VIEWER, "matter", caseId)
                .stream().map(m -> m.role() + " " + m.person()).toList());
        team.removeMember(WorkFixture.ANA, "matter", caseId, ben.id());
        assertEquals(2, team.members(WorkFixture.ANA, "matter", caseId).size());
        assertThrows(ForbiddenException.class, () -> team.addMember(WorkFixture.VIEWER, "matter", caseId, "ana", "member"));
        assertThrows(NotFoundException.class, () -> team.members(WorkFixture.OUTSIDER, "matter", caseId));
        assertTrue(f.audited.stream().anyMatch(e -> "team member ben removed as member".equals(e.detail())));
    }

    @Test
    void eventsAreListedByDate() {
        team.addEvent(WorkFixture.ANA, "matter", caseId, f.today().plusDays(5), "deadline", "Answer due");
        CaseDiaryEvent meeting = team.addEvent(WorkFixture.ANA, "matter", caseId, f.today(), "meeting", "Kick-off");
        assertEquals(List.of("meeting", "deadline"), team.events(WorkFixture.VIEWER, "matter", caseId).stream()
                .map(CaseDiaryEvent::kind).toList());
        assertEquals("kind", field(assertThrows(ValidationException.class,
                () -> team.addEvent(WorkFixture.ANA, "matter", caseId, f.today(), "party", "x"))));
        assertEquals("eventDate", field(assertThrows(ValidationException.class,
                () -> team.addEvent(WorkFixture.ANA, "matter", caseId, null, "meeting", "x"))));
        team.removeEvent(WorkFixture.ANA, "matter", caseId, meeting.id());
        assertEquals(1, team.events(WorkFixture.ANA, "matter", caseId).size());
        assertTrue(f.engine.history(WorkFixture.ANA, "matter", caseId).stream()
                .anyMatch(h -> h.action().equals("event-removed")));
    }
}
