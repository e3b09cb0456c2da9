package org.casework.persistence.internal.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one bundle's migration scripts over plain JDBC and records them in
 * {@value #TABLE}; knows nothing of OSGi so it can be tested on a bare DataSource.
 */
final class MigrationRunner {

    static final String TABLE = "cw_schema_migration";

    /** Key of the PostgreSQL advisory lock that serialises migrations across Karaf nodes. */
    static final long ADVISORY_LOCK_KEY = 0x43574d4947524154L; // "CWMIGRAT"

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private static final String CREATE_TABLE = "CREATE TABLE " + TABLE + " ("
            + "bundle VARCHAR(255) NOT NULL, "
            + "version INTEGER NOT NULL, "
            + "description VARCHAR(255) NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, "
            + "applied_at TIMESTAMP NOT NULL, "
            + "CONSTRAINT " + TABLE + "_pk PRIMARY KEY (bundle, version))";

    /** What a successful run left in the database. */
    record Outcome(int version, String product, int applied) {
    }

    /** The bundle's migration files; read only once the database product is known. */
    @FunctionalInterface
    interface ScriptSource {
        /** File name (without folder) to content. */
        Map<String, byte[]> read() throws MigrationException;
    }

    /**
     * Applies the scripts of {@code bundle} that the database has not seen, each in its own
     * transaction together with its record.
     *
     * @throws MigrationException when a script fails, an applied script was edited, or the files
     *     break the naming convention; scripts before the failing one stay applied
     * @throws SQLException when the database cannot be reached or the record table not read
     */
    Outcome migrate(DataSource dataSource, String bundle, ScriptSource source)
            throws MigrationException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = product(connection.getMetaData());
            List<MigrationScript> plan = MigrationPlan.select(source.read(), product);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Outcome outcome;
            try {
                outcome = migrate(connection, bundle, product, plan);
            } catch (MigrationException | SQLException | RuntimeException e) {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException restore) {
                    e.addSuppressed(restore);
                }
                throw e;
            }
            // the DataSource pools connections: hand it back as it came
            connection.setAutoCommit(autoCommit);
            return outcome;
        }
    }

    private Outcome migrate(Connection connection, String bundle, String product, List<MigrationScript> plan)
            throws SQLException, MigrationException {
        if (!"postgresql".equals(product)) {
            // embedded Derby serves one JVM, where the extender's single worker already serialises
            return apply(connection, bundle, product, plan);
        }
        // a session-level lock outlives the commits below; other nodes wait here
        advisoryLock(connection, "pg_advisory_lock");
        connection.commit();
        Outcome outcome;
        try {
            outcome = apply(connection, bundle, product, plan);
        } catch (MigrationException | SQLException | RuntimeException e) {
            try {
                advisoryLock(connection, "pg_advisory_unlock");
                connection.commit();
            } catch (SQLException unlock) {
                e.addSuppressed(unlock);
            }
            throw e;
        }
        advisoryLock(connection, "pg_advisory_unlock");
        connection.commit();
        return outcome;
    }

    private Outcome apply(Connection connection, String bundle, String product, List<MigrationScript> plan)
            throws SQLException, MigrationException {
        ensureTable(connection);
        Map<Integer, String> applied = applied(connection, bundle);
        int version = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int count = 0;
        for (MigrationScript script : plan) {
            String checksum = script.checksum();
            String recorded = applied.get(script.version());
            if (recorded != null) {
                if (!recorded.equals(checksum)) {
                    throw new MigrationException(script.name(), "Script " + script.name()
                            + " was changed after it had been applied (checksum " + checksum
                            + ", recorded " + recorded + "); add a new script instead of editing it");
                }
                continue;
            }
            run(connection, bundle, script, checksum);
            version = Math.max(version, script.version());
            count++;
        }
        return new Outcome(version, product, count);
    }

    private static void run(Connection connection, String bundle, MigrationScript script, String checksum)
            throws MigrationException {
        List<String> statements = SqlStatements.split(script.sql());
        int index = 0;
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    index++;
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (bundle, version, description, checksum, applied_at)"
                    + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, bundle);
                insert.setInt(2, script.version());
                insert.setString(3, truncate(script.description(), 255));
                insert.setString(4, checksum);
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied migration {} of {}", script.name(), bundle);
        } catch (SQLException e) {
            rollback(connection, e);
            String where = index <= statements.size() ? "statement " + index + " of " + statements.size()
                    : "its record";
            throw new MigrationException(script.name(), "Script " + script.name() + " failed at " + where
                    + ": " + e.getMessage(), e);
        }
    }

    private static void ensureTable(Connection connection) throws SQLException {
        if (tableExists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? TABLE.toUpperCase(Locale.ROOT) : TABLE;
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static Map<Integer, String> applied(Connection connection, String bundle) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, checksum FROM " + TABLE + " WHERE bundle = ?")) {
            select.setString(1, bundle);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        connection.commit();
        return applied;
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, ADVISORY_LOCK_KEY);
            lock.execute();
        }
    }

    private static void rollback(Connection connection, SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** {@code derby}, {@code postgresql}, or the first word of another product's name in lower case. */
    static String product(DatabaseMetaData meta) throws SQLException {
        String name = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return "derby";
        }
        if (name.contains("postgres")) {
            return "postgresql";
        }
        return name.split("\\s+")[0];
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
