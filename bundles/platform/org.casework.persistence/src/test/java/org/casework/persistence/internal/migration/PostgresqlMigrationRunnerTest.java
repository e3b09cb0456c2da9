package org.casework.persistence.internal.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migration contract on the PostgreSQL server at 127.0.0.1:5432, each test in a database of
 * its own that is dropped afterwards.
 */
class PostgresqlMigrationRunnerTest extends MigrationRunnerContract {

    private String database;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "casework_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = admin().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        dataSource = dataSource(database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = admin().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    String product() {
        return "postgresql";
    }

    @Test
    void secondNodeWaitsForTheAdvisoryLock() throws Exception {
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, MigrationRunner.ADVISORY_LOCK_KEY);
                lock.execute();
            }
            Future<MigrationRunner.Outcome> waiting = otherNode.submit(() -> new MigrationRunner().migrate(
                    dataSource, "org.casework.test.one", () -> files("V1__a.sql", "CREATE TABLE cw_a (id INTEGER);")));
            // the other node is blocked while the lock is held: poll the server until it says so
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!waitingForAdvisoryLock(holder)) {
                assertTrue(System.nanoTime() < deadline, "the migration never waited for the lock");
                Thread.onSpinWait();
            }
            try (PreparedStatement unlock = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, MigrationRunner.ADVISORY_LOCK_KEY);
                unlock.execute();
            }
            assertEquals(1, waiting.get(20, TimeUnit.SECONDS).applied());
        } finally {
            otherNode.shutdownNow();
        }
    }

    private static boolean waitingForAdvisoryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static PGSimpleDataSource admin() {
        return dataSource("postgres");
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {5432});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }
}
