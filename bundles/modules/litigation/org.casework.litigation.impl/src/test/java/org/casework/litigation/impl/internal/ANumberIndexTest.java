package org.casework.litigation.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.spi.CaseEvent;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ANumberIndexTest {

    private static final Caller CALLER = new Caller("ann", "Ann", Set.of("attorney"), Set.of("occ-sf"), false, false);

    private DerbyJpaTemplate jpa;
    private CaseService cases;
    private ANumberIndex index;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-litigation-test", "V1__litigation.derby.sql");
        cases = mock(CaseService.class);
        index = new ANumberIndex(jpa, cases, false);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private static CaseEvent event(CaseEvent.Kind kind, long id, String aNumber, Set<String> changed) {
        return new CaseEvent(kind, CALLER, "immigration-case", id, "IMM-2026-" + id, "OPEN", false, null, "occ-sf",
                aNumber == null ? Map.of() : Map.of("aNumber", aNumber), changed, Instant.now());
    }

    private static CaseRecord record(long id) {
        return new CaseRecord(id, "immigration-case", "IMM-2026-0000" + id, "X", "OPEN", false, 0, null, null,
                Map.of(), Instant.now(), "ann", Instant.now(), "ann", "occ-sf");
    }

    @Test
    void aSecondCaseWithTheSameANumberIsAConflictNamingTheFirstToAReader() {
        index.caseSaved(event(CaseEvent.Kind.CREATED, 50, "123456789", Set.of("aNumber")));
        assertEquals(50, index.holder("123456789"));
        when(cases.get(CALLER, "immigration-case", 50)).thenReturn(record(50));

        CaseworkException e = assertThrows(CaseworkException.class,
                () -> index.caseSaved(event(CaseEvent.Kind.CREATED, 51, "123456789", Set.of("aNumber"))));
        assertEquals(409, e.status());
        assertEquals("fields.aNumber", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("IMM-2026-000050"), e.getMessage());
        assertEquals(50, index.holder("123456789"));
    }

    @Test
    void aCaseTheCallerMayNotReadIsNotNamed() {
        index.caseSaved(event(CaseEvent.Kind.CREATED, 50, "123456789", Set.of("aNumber")));
        when(cases.get(eq(CALLER), eq("immigration-case"), anyLong())).thenThrow(new NotFoundException("Case 50"));

        CaseworkException e = assertThrows(CaseworkException.class,
                () -> index.caseSaved(event(CaseEvent.Kind.CREATED, 51, "123456789", Set.of("aNumber"))));
        assertEquals(409, e.status());
        assertFalse(e.getMessage().contains("50"), e.getMessage());
        assertFalse(e.errors().get(0).message().contains("50"));
    }

    @Test
    void changingACasesANumberFreesTheOldOne() {
        index.caseSaved(event(CaseEvent.Kind.CREATED, 50, "123456789", Set.of("aNumber")));
        index.caseSaved(event(CaseEvent.Kind.UPDATED, 50, "987654321", Set.of("aNumber")));
        assertEquals(0, index.holder("123456789"));
        assertEquals(50, index.holder("987654321"));
        index.caseSaved(event(CaseEvent.Kind.CREATED, 51, "123456789", Set.of("aNumber")));
        assertEquals(51, index.holder("123456789"));
    }

    @Test
    void savingACaseAgainKeepsItsOwnNumber() {
        index.caseSaved(event(CaseEvent.Kind.CREATED, 50, "123456789", Set.of("aNumber")));
        index.caseSaved(event(CaseEvent.Kind.UPDATED, 50, "123456789", Set.of("aNumber", "language")));
        index.caseSaved(event(CaseEvent.Kind.TRANSITIONED, 50, "123456789", Set.of("status")));
        assertEquals(50, index.holder("123456789"));
    }
}
