package org.casework.complaints.impl.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.access.Visibility;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The module's tables on a real in-memory Derby with the bundle's migration. */
class ComplaintStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DerbyJpaTemplate jpa;
    private ComplaintStore store;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-complaints-test", "V1__complaints.derby.sql", "V2__person_key_dob.derby.sql", "V4__person_key_newest.derby.sql");
        store = new ComplaintStore(jpa);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private void save(long id, String createdBy, String assignee, boolean emergency, Instant at, boolean closed) {
        store.save(new ComplaintStore.Snapshot(id, "CMP-2026-" + id, closed ? "RESOLVED" : "RECEIVED", closed, assignee,
                createdBy, null, "MAIL", emergency, at, null, null, List.of("Person " + id), Set.of("key" + id)));
    }

    @Test
    void savingAgainRefreshesTheRowAndReplacesTheBlockingKeys() {
        store.save(new ComplaintStore.Snapshot(60, "CMP-2026-60", "RECEIVED", false, null, "clerk", null, "MAIL",
                false, T0, "123456789", LocalDate.parse("1990-01-02"), List.of("Ana Diaz", "Ana D"), Set.of("ana diaz", "a d")));
        store.save(new ComplaintStore.Snapshot(60, "CMP-2026-60", "TRIAGE", false, "ann", "someone-else", null, "MAIL",
                true, T0.plusSeconds(60), "123456789", null, List.of("Ana Diaz"), Set.of("ana diaz")));
        Rows.Complaint c = store.find(60).orElseThrow();
        assertEquals("TRIAGE", c.status());
        assertEquals("ann", c.assignee());
        assertEquals("clerk", c.createdBy(), "the creator never changes");
        assertEquals(T0, c.receivedAt(), "arrival is the first save");
        assertTrue(c.emergency());
        assertEquals(List.of("Ana Diaz"), c.detaineeNames());
        assertTrue(store.candidates(1, null, Set.of("a d"), 10).isEmpty());
        assertEquals(1, store.candidates(1, null, Set.of("ana diaz"), 10).size());
    }

    @Test
    void candidatesShareTheANumberOrABlockingKeyAndNeverIncludeTheComplaintItself() {
        store.save(new ComplaintStore.Snapshot(1, "CMP-1", "RECEIVED", false, null, "a", null, "MAIL", false, T0,
                "111111111", null, List.of("Juan Perez"), Set.of("juan perez")));
        store.save(new ComplaintStore.Snapshot(2, "CMP-2", "RECEIVED", false, null, "a", null, "MAIL", false, T0,
                null, null, List.of("Perez Juan", "JP"), Set.of("juan perez", "jp")));
        store.save(new ComplaintStore.Snapshot(3, "CMP-3", "RECEIVED", false, null, "a", null, "MAIL", false, T0,
                "111111111", null, List.of("Someone Else"), Set.of("else someone")));
        store.save(new ComplaintStore.Snapshot(4, "CMP-4", "RECEIVED", false, null, "a", null, "MAIL", false, T0,
                null, null, List.of("Unrelated"), Set.of("unrelated")));
        List<Long> ids = store.candidates(1, "111111111", Set.of("juan perez"), 10).stream()
                .map(Rows.IndexedPerson::caseId).toList();
        assertEquals(List.of(2L, 3L), ids);
        assertEquals(List.of("Perez Juan", "JP"), store.candidates(1, null, Set.of("jp"), 10).get(0).names());
    }

    @Test
    void queuesPutEmergenciesFirstThenTheOldestAndLeaveOutClosedOnes() {
        save(1, "clerk", null, false, T0, false);
        save(2, "clerk", null, true, T0.plusSeconds(100), false);
        save(3, "clerk", "ann", false, T0.plusSeconds(50), false);
        save(4, "other", null, false, T0.minusSeconds(100), true);
        save(5, "other", null, false, T0.plusSeconds(10), false);
        Instant cutoff = T0.plusSeconds(20);
        assertEquals(List.of(2L, 1L, 5L), ids(store.queue(ComplaintStore.Queue.UNASSIGNED, Visibility.ALL, "x", cutoff, 0, 10)));
        assertEquals(List.of(3L), ids(store.queue(ComplaintStore.Queue.MINE, Visibility.ALL, "ann", cutoff, 0, 10)));
        assertEquals(List.of(2L), ids(store.queue(ComplaintStore.Queue.EMERGENCY, Visibility.ALL, "x", cutoff, 0, 10)));
        assertEquals(List.of(1L, 5L), ids(store.queue(ComplaintStore.Queue.OVERDUE, Visibility.ALL, "x", cutoff, 0, 10)));
        Rows.IdPage second = store.queue(ComplaintStore.Queue.UNASSIGNED, Visibility.ALL, "x", cutoff, 1, 2);
        assertEquals(List.of(5L), ids(second));
        assertEquals(3, second.total());
    }

    @Test
    void queuesShowAndCountOnlyWhatTheCallerMayRead() {
        save(1, "clerk", null, false, T0, false);
        save(2, "other", null, true, T0, false);
        save(3, "other", "clerk", false, T0, false);
        Visibility own = new Visibility(false, Set.of(), false, true, Set.of());
        Rows.IdPage page = store.queue(ComplaintStore.Queue.UNASSIGNED, own, "clerk", T0, 0, 10);
        assertEquals(List.of(1L), ids(page));
        assertEquals(1, page.total());
        Visibility assignedAndGranted = new Visibility(false, Set.of(), true, false, Set.of("2"));
        assertEquals(List.of(2L, 1L, 3L), ids(store.queue(ComplaintStore.Queue.OVERDUE, assignedAndGranted, "clerk",
                T0.plusSeconds(1), 0, 10)));
        assertEquals(0, store.queue(ComplaintStore.Queue.UNASSIGNED, Visibility.NONE, "clerk", T0, 0, 10).total());
    }

    @Test
    void followUpsAreRemindedOnceWhenDue() {
        save(1, "clerk", null, false, T0, false);
        LocalDate today = LocalDate.parse("2026-02-01");
        Rows.Engagement due = store.addEngagement(1, T0, "ICE ERO", "EMAIL", "asked", today, "ann", T0);
        store.addEngagement(1, T0, "CBP", "TELEPHONE", "called", today.plusDays(1), "ann", T0);
        store.addEngagement(1, T0, "CBP", "TELEPHONE", "no follow-up", null, "ann", T0);
        assertEquals(List.of(due.id()), store.dueFollowUps(today, 10).stream().map(Rows.Engagement::id).toList());
        assertTrue(store.markReminded(due.id(), T0));
        assertFalse(store.markReminded(due.id(), T0), "a second node does not remind again");
        assertTrue(store.dueFollowUps(today, 10).isEmpty());
        assertEquals(3, store.engagements(1).size());
    }

    @Test
    void categoriesShipWithTheDefaultsAndAdministratorsAddMore() {
        assertEquals(7, store.categories().size());
        store.saveCategory("food", "Food", true);
        store.saveCategory("medical", "Medical care", false);
        Map<String, Rows.Category> byKey = new java.util.HashMap<>();
        store.categories().forEach(c -> byKey.put(c.key(), c));
        assertEquals(8, byKey.size());
        assertFalse(byKey.get("food").builtIn());
        assertEquals("Medical care", byKey.get("medical").label());
        assertFalse(byKey.get("medical").active());
    }

    private static List<Long> ids(Rows.IdPage page) {
        return page.items().stream().map(Rows.Complaint::caseId).toList();
    }
}
