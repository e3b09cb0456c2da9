package org.casework.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/** Connections to the databases under test, and the PostgreSQL database made for one run. */
final class BenchDatabases {

    private BenchDatabases() {
    }

    /** A PostgreSQL server reached with trust authentication. */
    record Postgres(String host, int port, String user) {

        /** The names {@link #createDatabase()} gives: the only databases a benchmark drops or reuses. */
        static final String BENCH_DATABASE = "casework_bench_[0-9a-f]+";

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            Connection c = new org.postgresql.Driver().connect(url(database), p);
            if (c == null) {
                throw new SQLException("The PostgreSQL driver does not accept " + url(database));
            }
            return c;
        }

        /** A connection for bulk inserts: the driver sends a batch of inserts as multi-row statements. */
        Connection connectForLoad(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("reWriteBatchedInserts", "true");
            Connection c = new org.postgresql.Driver().connect(url(database), p);
            if (c == null) {
                throw new SQLException("The PostgreSQL driver does not accept " + url(database));
            }
            return c;
        }

        /** Creates {@code casework_bench_<random>} and returns its name. */
        String createDatabase() throws SQLException {
            byte[] b = new byte[6];
            new SecureRandom().nextBytes(b);
            String name = "casework_bench_" + HexFormat.of().formatHex(b);
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return name;
        }

        boolean exists(String name) throws SQLException {
            try (Connection c = connect("postgres");
                    PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        }

        /** Drops the database, ending any session still connected to it (PostgreSQL 13+). */
        void dropDatabase(String name) throws SQLException {
            if (!name.matches(BENCH_DATABASE)) {
                throw new IllegalArgumentException("Not a benchmark database: " + name);
            }
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** An embedded Derby database in a folder (only once no other process has it open). */
    record Derby(Path directory) {

        Connection connect() throws SQLException {
            Connection c = new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:" + directory, new Properties());
            if (c == null) {
                throw new SQLException("The Derby driver does not accept " + directory);
            }
            return c;
        }

        /** Shuts the embedded database down so its folder can be deleted. */
        void shutdown() {
            try {
                new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:" + directory + ";shutdown=true",
                        new Properties());
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as SQLState 08006
                if (!"08006".equals(expected.getSQLState())) {
                    System.out.println("bench: Derby shutdown: " + expected);
                }
            }
        }
    }
}
