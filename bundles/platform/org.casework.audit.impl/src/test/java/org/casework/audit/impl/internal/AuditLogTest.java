package org.casework.audit.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.FieldChange;
import org.casework.audit.api.Verification;
import org.casework.core.api.Caller;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private static final Caller ANNA = new Caller("anna", "Anna", Set.of("staff"), Set.of(), false, false);

    private DerbyJpaTemplate jpa;
    private AuditLog audit;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-audit-test", "V1__audit.derby.sql");
        audit = new AuditLog(jpa, false, config(), java.time.Clock.systemUTC(), false);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private void write(int n) {
        for (int i = 0; i < n; i++) {
            audit.record(ANNA, new AuditEvent("update", "congress", String.valueOf(i), AuditEvent.SUCCESS,
                    "10.0.0.1", List.of(new FieldChange("subject", "old " + i, "new " + i)), null));
        }
    }

    private long idOf(int recordId) {
        return audit.history("congress", String.valueOf(recordId)).get(0).id();
    }

    private void sql(String... statements) throws SQLException {
        try (Statement st = jpa.connection().createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    @Test
    void recordsSearchesAndVerifies() {
        write(3);
        assertEquals(Verification.ok(3), audit.verify());
        var page = audit.search(new AuditQuery("anna", "congress", null, "update", null, null, 0, 2));
        assertEquals(3, page.total());
        assertEquals(2, page.items().size());
        AuditEntry newest = page.items().get(0);
        assertEquals("2", newest.recordId());
        assertEquals(3L, newest.position());
        assertEquals(List.of(new FieldChange("subject", "old 2", "new 2")), newest.changes());
        assertFalse(newest.system());
        write(2);
        assertEquals(Verification.ok(5), audit.verify());
    }

    @Test
    void updateAndDeleteAreRefused() {
        write(1);
        assertThrows(SQLException.class, () -> sql("UPDATE cw_audit_entry SET actor = 'mallory'"));
        assertThrows(SQLException.class, () -> sql("DELETE FROM cw_audit_entry"));
        assertTrue(audit.verify().intact());
    }

    @Test
    void namesAChangedEntry() throws SQLException {
        write(3);
        audit.verify();
        long id = idOf(1);
        sql("DROP TRIGGER cw_audit_entry_no_update", "UPDATE cw_audit_entry SET actor = 'mallory' WHERE id = " + id);
        Verification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(2L, v.position());
        assertEquals(id, v.entryId());
    }

    @Test
    void namesADeletedEntry() throws SQLException {
        write(3);
        audit.verify();
        long id = idOf(0);
        sql("DROP TRIGGER cw_audit_entry_no_delete", "DELETE FROM cw_audit_entry WHERE id = " + id);
        Verification v = audit.verify();
        assertEquals(Verification.broken(0, 1L, id, v.reason()), v);
        assertTrue(v.reason().contains("deleted"), v.reason());
    }

    @Test
    void namesAnInsertedEntry() throws SQLException {
        write(2);
        audit.verify();
        sql("INSERT INTO cw_audit_entry (id, at_time, actor, system_caller, action, outcome, entry_hash) "
                + "VALUES (999999, TIMESTAMP('2020-01-01 10:00:00'), 'mallory', false, 'view', 'success', 'x')");
        Verification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(999999L, v.entryId());
        assertEquals(2, v.entries());
    }

    /**
     * Entries whose ids are below ones already chained: one from a transaction that committed a
     * few seconds late (the next run takes it), one from a node using an old block of ids (the
     * periodic sweep takes it, well within the grace).
     */
    @Test
    void chainsEntriesCommittedOutOfIdOrder() throws Exception {
        MovingClock clock = onMovingClock();
        insertEntry(5000, clock.instant());
        assertEquals(1, audit.chain());
        clock.advance(java.time.Duration.ofSeconds(40));
        insertEntry(6000, clock.instant());
        assertEquals(1, audit.chain());

        clock.advance(java.time.Duration.ofSeconds(5));
        insertEntry(5990, clock.instant().minusSeconds(2));
        assertEquals(1, audit.chain(), "a late commit a few seconds behind is taken by the next run");

        clock.advance(java.time.Duration.ofSeconds(40));
        insertEntry(6010, clock.instant());
        assertEquals(1, audit.chain());
        clock.advance(java.time.Duration.ofSeconds(10));
        insertEntry(4000, clock.instant());
        audit.chain();
        clock.advance(java.time.Duration.ofMinutes(5));
        audit.chain();
        AuditEntry old = audit.history("congress", "4000").get(0);
        assertEquals(5L, old.position(), "the sweep chains an entry from an old block of ids");
        assertEquals(Verification.ok(5), audit.verify());
    }

    /** Runs read ids window by window; a gap wider than a window (another node's block, a restart) is stepped over. */
    @Test
    void chainsAcrossGapsInTheIdsWiderThanAWindow() throws Exception {
        MovingClock clock = onMovingClock();
        insertEntry(10, clock.instant());
        insertEntry(40_000, clock.instant());
        insertEntry(1_000_000, clock.instant());
        assertEquals(3, audit.chain());
        clock.advance(java.time.Duration.ofSeconds(5));
        insertEntry(2_000_000, clock.instant());
        assertEquals(1, audit.chain());
        assertEquals(0, audit.chain(), "nothing is chained twice");
        assertEquals(Verification.ok(4), audit.verify());
    }

    /** Replaces the log under test with one whose clock the test moves; returns that clock. */
    private MovingClock onMovingClock() {
        MovingClock clock = new MovingClock(java.time.Instant.parse("2026-12-07T10:00:00Z"));
        audit = new AuditLog(jpa, false, config(), clock, false);
        return clock;
    }

    /** Inserts an entry as another node would, with the given id, time and a correct hash. */
    private void insertEntry(long id, java.time.Instant at) throws Exception {
        var e = new org.casework.audit.impl.internal.persistence.AuditEntryEntity(at, "anna", false, null, "view",
                "congress", String.valueOf(id), AuditEvent.SUCCESS, null, null);
        var field = e.getClass().getDeclaredField("id");
        field.setAccessible(true);
        field.set(e, id);
        String hash = org.casework.audit.impl.internal.chain.Hashes.entryHash(e);
        try (var st = jpa.connection().prepareStatement("INSERT INTO cw_audit_entry (id, at_time, actor, "
                + "system_caller, action, record_type, record_id, outcome, entry_hash) VALUES (?, ?, 'anna', false, "
                + "'view', 'congress', ?, 'success', ?)")) {
            st.setLong(1, id);
            st.setTimestamp(2, java.sql.Timestamp.from(at));
            st.setString(3, String.valueOf(id));
            st.setString(4, hash);
            st.executeUpdate();
        }
    }

    /** A clock the test moves. */
    private static final class MovingClock extends java.time.Clock {
        private java.time.Instant now;

        MovingClock(java.time.Instant start) {
            now = start;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theBenchmarkSwitchWritesOnlyWhyTheTrailStops() {
        audit = new AuditLog(jpa, false, config(true), java.time.Clock.systemUTC(), false);
        write(3);
        var page = audit.search(new AuditQuery(null, null, null, null, null, null, 0, 10));
        assertEquals(1, page.total());
        assertEquals("audit-off", page.items().get(0).action());
    }

    private static AuditLog.Config config() {
        return config(false);
    }

    private static AuditLog.Config config(boolean off) {
        return new AuditLog.Config() {
            @Override
            public boolean benchmarkWithoutAudit() {
                return off;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditLog.Config.class;
            }

            @Override
            public long chainPeriodSeconds() {
                return 10;
            }

            @Override
            public long graceMinutes() {
                return 10;
            }

            @Override
            public long checkpointMinutes() {
                return 0;
            }
        };
    }
}
