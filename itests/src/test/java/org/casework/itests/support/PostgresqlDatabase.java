package org.casework.itests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh PostgreSQL database for one test container, created from the driver JVM on the local
 * server (127.0.0.1:5432, user postgres, trust authentication). {@link DropDatabasesListener}
 * drops it when the test run ends; a shutdown hook is the fallback for runs ended otherwise.
 */
public final class PostgresqlDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresqlDatabase.class);

    /** Host and port of the server the tests use; overridable for a developer's own server. */
    public static final String SERVER = System.getProperty("casework.it.postgresql.server", "127.0.0.1:5432");

    /** The role the tests connect as. */
    public static final String USER = System.getProperty("casework.it.postgresql.user", "postgres");

    private static final List<PostgresqlDatabase> CREATED = new CopyOnWriteArrayList<>();

    private final String name;

    private PostgresqlDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code casework_it_<random>} and arranges for it to be dropped at JVM exit. */
    public static PostgresqlDatabase create() {
        String name = "casework_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        LOG.info("Created PostgreSQL database {}", name);
        PostgresqlDatabase database = new PostgresqlDatabase(name);
        CREATED.add(database);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
        return database;
    }

    /** The database name. */
    public String name() {
        return name;
    }

    /** The JDBC URL of this database. */
    public String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    /** Drops every database this JVM created and has not dropped yet. */
    public static void dropAll() {
        for (PostgresqlDatabase database : CREATED) {
            database.drop();
        }
    }

    /** Drops the database, closing connections still open to it; safe to call twice. */
    public void drop() {
        if (!CREATED.remove(this)) {
            return;
        }
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            LOG.info("Dropped PostgreSQL database {}", name);
        } catch (IllegalStateException e) {
            LOG.warn("Could not drop PostgreSQL database {}: {}", name, e.getMessage());
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + SERVER + "/postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
