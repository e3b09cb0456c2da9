package org.casework.persistence.internal.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The behaviour every supported database must show; subclasses supply a fresh database. */
abstract class MigrationRunnerContract {

    private static final String BUNDLE = "org.casework.test.one";

    private final MigrationRunner runner = new MigrationRunner();

    /** A DataSource on a database that is empty when the test starts. */
    abstract DataSource dataSource();

    abstract String product();

    @Test
    void appliesScriptsInNumericOrder() throws Exception {
        Map<String, byte[]> files = files(
                "V10__add_index.sql", "CREATE INDEX cw_t_note_idx ON cw_t (note);",
                "V2__add_note.sql", "ALTER TABLE cw_t ADD COLUMN note VARCHAR(20);\n"
                        + "INSERT INTO cw_t (id, note) VALUES (1, 'one');",
                "V1__create_table.sql", "-- the first table\nCREATE TABLE cw_t (\n  id INTEGER NOT NULL PRIMARY KEY\n);");

        MigrationRunner.Outcome outcome = runner.migrate(dataSource(), BUNDLE, () -> files);

        assertEquals(10, outcome.version());
        assertEquals(3, outcome.applied());
        assertEquals(product(), outcome.product());
        assertEquals(List.of(1, 2, 10), recordedVersions(BUNDLE));
        assertEquals(List.of("one"), column("SELECT note FROM cw_t"));
        assertEquals(List.of("create table", "add note", "add index"),
                column("SELECT description FROM cw_schema_migration WHERE bundle = '" + BUNDLE + "' ORDER BY version"));
    }

    @Test
    void rerunAppliesNothingTwice() throws Exception {
        Map<String, byte[]> files = files(
                "V1__create_table.sql", "CREATE TABLE cw_t (id INTEGER NOT NULL PRIMARY KEY);",
                "V2__row.sql", "INSERT INTO cw_t (id) VALUES (1);");
        runner.migrate(dataSource(), BUNDLE, () -> files);

        MigrationRunner.Outcome again = runner.migrate(dataSource(), BUNDLE, () -> files);

        assertEquals(0, again.applied());
        assertEquals(2, again.version());
        assertEquals(List.of(1, 2), recordedVersions(BUNDLE));
        assertEquals(List.of("1"), column("SELECT id FROM cw_t"));

        Map<String, byte[]> more = new LinkedHashMap<>(files);
        more.put("V3__second_row.sql", "INSERT INTO cw_t (id) VALUES (2);".getBytes(UTF_8));
        MigrationRunner.Outcome third = runner.migrate(dataSource(), BUNDLE, () -> more);
        assertEquals(1, third.applied());
        assertEquals(List.of("1", "2"), column("SELECT id FROM cw_t ORDER BY id"));
    }

    @Test
    void dialectVariantReplacesPlainScript() throws Exception {
        Map<String, byte[]> files = files(
                "V1__create.sql", "CREATE TABLE cw_plain (id INTEGER);",
                "V1__create.derby.sql", "CREATE TABLE cw_derby (id INTEGER);",
                "V1__create.postgresql.sql", "CREATE TABLE cw_postgresql (id INTEGER);",
                "V2__only_plain.sql", "CREATE TABLE cw_second (id INTEGER);");

        runner.migrate(dataSource(), BUNDLE, () -> files);

        assertTrue(tableExists("cw_" + product()));
        assertFalse(tableExists("cw_plain"));
        assertFalse(tableExists("derby".equals(product()) ? "cw_postgresql" : "cw_derby"));
        assertTrue(tableExists("cw_second"));
    }

    @Test
    void editedAppliedScriptIsRefused() throws Exception {
        runner.migrate(dataSource(), BUNDLE, () -> files(
                "V1__create_table.sql", "CREATE TABLE cw_t (id INTEGER);"));

        Map<String, byte[]> edited = files(
                "V1__create_table.sql", "CREATE TABLE cw_t (id INTEGER, extra INTEGER);",
                "V2__later.sql", "CREATE TABLE cw_later (id INTEGER);");
        MigrationException refused = assertThrows(MigrationException.class,
                () -> runner.migrate(dataSource(), BUNDLE, () -> edited));

        assertEquals("V1__create_table.sql", refused.script());
        assertTrue(refused.getMessage().contains("changed"), refused.getMessage());
        assertEquals(List.of(1), recordedVersions(BUNDLE));
        assertFalse(tableExists("cw_later"));
    }

    @Test
    void failingScriptLeavesNoPartialRecord() throws Exception {
        Map<String, byte[]> files = files(
                "V1__good.sql", "CREATE TABLE cw_good (id INTEGER);",
                "V2__bad.sql", "CREATE TABLE cw_partial (id INTEGER);\nINSERT INTO cw_good (id) VALUES (7);\n"
                        + "INSERT INTO cw_missing (id) VALUES (1);",
                "V3__after.sql", "CREATE TABLE cw_after (id INTEGER);");

        MigrationException failed = assertThrows(MigrationException.class,
                () -> runner.migrate(dataSource(), BUNDLE, () -> files));

        assertEquals("V2__bad.sql", failed.script());
        assertTrue(failed.getMessage().contains("statement 3 of 3"), failed.getMessage());
        assertEquals(List.of(1), recordedVersions(BUNDLE));
        assertFalse(tableExists("cw_partial"));
        assertFalse(tableExists("cw_after"));
        assertEquals(List.of(), column("SELECT id FROM cw_good"));
    }

    @Test
    void bundlesKeepSeparateHistories() throws Exception {
        runner.migrate(dataSource(), BUNDLE, () -> files("V1__a.sql", "CREATE TABLE cw_a (id INTEGER);"));
        MigrationRunner.Outcome other = runner.migrate(dataSource(), "org.casework.test.two",
                () -> files("V1__b.sql", "CREATE TABLE cw_b (id INTEGER);"));

        assertEquals(1, other.applied());
        assertTrue(tableExists("cw_a"));
        assertTrue(tableExists("cw_b"));
    }

    @Test
    void bundleWithoutScriptsIsAtVersionZero() throws Exception {
        MigrationRunner.Outcome outcome = runner.migrate(dataSource(), BUNDLE, Map::of);

        assertEquals(0, outcome.version());
        assertTrue(tableExists("cw_schema_migration"));
    }

    @Test
    void connectionIsReturnedInAutoCommitMode() throws Exception {
        runner.migrate(dataSource(), BUNDLE, () -> files("V1__a.sql", "CREATE TABLE cw_a (id INTEGER);"));
        try (Connection connection = dataSource().getConnection()) {
            assertTrue(connection.getAutoCommit());
        }
    }

    static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(UTF_8));
        }
        return files;
    }

    private List<Integer> recordedVersions(String bundle) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        for (String v : column("SELECT version FROM cw_schema_migration WHERE bundle = '" + bundle + "' ORDER BY version")) {
            versions.add(Integer.valueOf(v));
        }
        return versions;
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, null)) {
                return tables.next();
            }
        }
    }
}
