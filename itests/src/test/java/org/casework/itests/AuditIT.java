package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.persistence.api.Migrations;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The audit trail over real HTTP in a booted distribution: the case engine's actions appear with
 * actor, action and field changes; only auditors (and admins) read it; and an entry changed,
 * deleted or inserted directly in SQL is named by verification. Runs on Derby and PostgreSQL.
 * The tamper test runs last: it leaves the trail as it found it, but its triggers dropped.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AuditIT extends CaseworkTestSupport {

    private static final String CASES = "/api/v1/cases/congress";
    private static final String AUDIT = "/api/v1/audit";

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory shell;

    @Before
    public void congressTypeIsThere() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-congress"))) {
            features.installFeature("casework-congress", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("congress case type registered", BOOT_TIMEOUT, () -> admin().get(CASES).status() == 200);
        waitUntil("audit API registered", BOOT_TIMEOUT, () -> admin().get(AUDIT + "/verify").status() == 200);
    }

    private static Map<String, Object> inquiry(String subject) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("member", "Rep. Jane Doe");
        fields.put("chamber", "HOUSE");
        fields.put("receivedOn", LocalDate.now().minusDays(3).toString());
        fields.put("constituent", Map.of("fullName", "Maria Lopez", "dateOfBirth", "1980-02-01"));
        return fields;
    }

    private long createCase(String subject) {
        HttpResult r = admin().post(CASES, Map.of("fields", inquiry(subject)));
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    private JsonNode entriesOf(long caseId) {
        HttpResult r = admin().get(AUDIT + "?recordType=congress&recordId=" + caseId + "&size=100");
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private JsonNode verify() {
        HttpResult r = admin().get(AUDIT + "/verify");
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    @Test
    public void a_caseActionsAreRecordedWithActorAndChanges() throws Exception {
        long id = createCase("Audited inquiry");
        JsonNode read = admin().get(CASES + "/" + id).json();
        HttpResult updated = admin().patch(CASES + "/" + id, Map.of("version", read.path("version").asLong(),
                "fields", Map.of("subject", "Audited inquiry (updated)")));
        assertEquals(updated.toString(), 200, updated.status());

        JsonNode page = entriesOf(id);
        assertEquals(page.toString(), 3, page.path("total").asLong());
        JsonNode items = page.path("items");
        // newest first
        assertEquals("update", items.get(0).path("action").asText());
        assertEquals("view", items.get(1).path("action").asText());
        assertEquals("create", items.get(2).path("action").asText());
        for (JsonNode e : items) {
            assertEquals("admin", e.path("actor").asText());
            assertEquals("success", e.path("outcome").asText());
            assertFalse(e.path("system").asBoolean());
        }
        JsonNode change = items.get(0).path("changes").get(0);
        assertEquals("subject", change.path("field").asText());
        assertEquals("Audited inquiry", change.path("oldValue").asText());
        assertEquals("Audited inquiry (updated)", change.path("newValue").asText());
        boolean subjectSet = false;
        for (JsonNode c : items.get(2).path("changes")) {
            // null values are left out of the JSON
            subjectSet |= c.path("field").asText().equals("subject") && c.path("oldValue").isMissingNode()
                    && c.path("newValue").asText().equals("Audited inquiry");
        }
        assertTrue(items.get(2).toString(), subjectSet);

        JsonNode v = verify();
        assertTrue(v.toString(), v.path("intact").asBoolean());
        String printed = shell("casework:audit-verify");
        assertTrue(printed, printed.startsWith("intact: "));
        assertTrue(v.toString(), v.path("entries").asLong() >= 3);
        assertEquals(3, entriesOf(id).path("items").findValues("position").stream()
                .filter(p -> p.isNumber()).count());

        HttpResult csv = admin().get(AUDIT + "/export.csv?recordType=congress&recordId=" + id);
        assertEquals(csv.toString(), 200, csv.status());
        assertTrue(csv.header("Content-Type").orElse(""), csv.header("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(csv.body(), 4, csv.body().split("\r\n").length);
        assertTrue(admin().get(AUDIT + "?action=export&recordType=audit").json().path("total").asLong() >= 1);
    }

    @Test
    public void b_onlyAuditorsReadTheTrailAndDenialsAreRecorded() {
        long id = createCase("Not for everyone");
        String name = "clerk" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult user = admin().post("/api/v1/users", Map.of("username", name, "fullName", "A Clerk",
                "email", name + "@example.org", "roles", List.of("intake"), "divisions", List.of(), "password", password));
        assertEquals(user.toString(), 201, user.status());
        CaseworkHttp clerk = http().as(name, password);
        assertEquals(403, clerk.get(AUDIT).status());
        assertEquals(403, clerk.get(AUDIT + "/verify").status());
        assertEquals(403, clerk.get(AUDIT + "/export.csv").status());

        assertEquals(404, clerk.get(CASES + "/" + id).status());
        JsonNode denied = admin().get(AUDIT + "?actor=" + name + "&action=view").json().path("items");
        assertEquals(denied.toString(), 1, denied.size());
        assertEquals("denied", denied.get(0).path("outcome").asText());
    }

    @Test
    public void c_badParametersAreRefusedByName() {
        HttpResult r = admin().get(AUDIT + "?from=yesterday");
        assertEquals(r.toString(), 400, r.status());
        assertEquals("from", r.json().path("errors").get(0).path("field").asText());
        HttpResult size = admin().get(AUDIT + "?size=0");
        assertEquals(size.toString(), 400, size.status());
        assertEquals("size", size.json().path("errors").get(0).path("field").asText());
    }

    @Test
    public void d_tamperingIsNamedByRestAndShell() throws Exception {
        long caseId = createCase("Tamper target");
        assertTrue(verify().path("intact").asBoolean());
        long entryId = entriesOf(caseId).path("items").get(0).path("id").asLong();
        DataSource ds = dataSource();
        boolean postgresql;
        try (Connection c = ds.getConnection()) {
            postgresql = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        for (String refused : List.of("UPDATE cw_audit_entry SET actor = 'mallory' WHERE id = " + entryId,
                "DELETE FROM cw_audit_entry WHERE id = " + entryId)) {
            try {
                sql(ds, refused);
                throw new AssertionError("the append-only guard let through: " + refused);
            } catch (SQLException expected) {
                // the trigger refused it
            }
        }
        // A DBA with full rights: lift the append-only guard.
        if (postgresql) {
            sql(ds, "ALTER TABLE cw_audit_entry DISABLE TRIGGER cw_audit_entry_append_only");
        } else {
            sql(ds, "DROP TRIGGER cw_audit_entry_no_update", "DROP TRIGGER cw_audit_entry_no_delete");
        }

        // changed
        sql(ds, "UPDATE cw_audit_entry SET actor = 'mallory' WHERE id = " + entryId);
        JsonNode changed = verify();
        assertFalse(changed.toString(), changed.path("intact").asBoolean());
        assertEquals(changed.toString(), entryId, changed.path("entryId").asLong());
        assertTrue(changed.toString(), changed.path("reason").asText().contains("changed"));
        String printed = shell("casework:audit-verify");
        assertTrue(printed, printed.contains("BROKEN") && printed.contains("entry " + entryId + ":"));
        sql(ds, "UPDATE cw_audit_entry SET actor = 'admin' WHERE id = " + entryId);
        assertTrue(verify().path("intact").asBoolean());

        // deleted, then put back exactly
        Object[] row = row(ds, entryId);
        sql(ds, "DELETE FROM cw_audit_entry WHERE id = " + entryId);
        JsonNode deleted = verify();
        assertFalse(deleted.toString(), deleted.path("intact").asBoolean());
        assertEquals(deleted.toString(), entryId, deleted.path("entryId").asLong());
        assertTrue(deleted.toString(), deleted.path("reason").asText().contains("deleted"));
        insert(ds, row);
        assertTrue(verify().path("intact").asBoolean());

        // inserted
        long forged = 9_000_000_000L + entryId;
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO cw_audit_entry (id, at_time, actor, system_caller, action, record_type, record_id, "
                        + "outcome, entry_hash) VALUES (?, ?, 'admin', ?, 'view', 'congress', ?, 'success', ?)")) {
            st.setLong(1, forged);
            st.setTimestamp(2, Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)));
            st.setBoolean(3, false);
            st.setString(4, String.valueOf(caseId));
            st.setString(5, "0".repeat(64));
            st.executeUpdate();
            commit(c);
        }
        JsonNode inserted = verify();
        assertFalse(inserted.toString(), inserted.path("intact").asBoolean());
        assertEquals(inserted.toString(), forged, inserted.path("entryId").asLong());
        sql(ds, "DELETE FROM cw_audit_entry WHERE id = " + forged);
        assertTrue(verify().path("intact").asBoolean());
    }

    /** Runs a shell command as an operator would, and returns what it printed. */
    private String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private DataSource dataSource() {
        ServiceReference<DataSource> reference = services(DataSource.class,
                "(osgi.jndi.service.name=" + Migrations.DATASOURCE_NAME + ")").iterator().next();
        return bundleContext.getService(reference);
    }

    private static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
            commit(c);
        }
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static final String COLUMNS = "id, at_time, actor, system_caller, remote_address, action, record_type, "
            + "record_id, outcome, changes, detail, entry_hash";

    private static Object[] row(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM cw_audit_entry WHERE id = " + id)) {
            assertTrue(rs.next());
            Object[] row = new Object[12];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }
    }

    private static void insert(DataSource ds, Object[] row) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO cw_audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < row.length; i++) {
                st.setObject(i + 1, row[i]);
            }
            st.executeUpdate();
            commit(c);
        }
    }
}
