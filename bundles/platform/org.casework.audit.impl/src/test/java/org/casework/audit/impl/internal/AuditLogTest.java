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
