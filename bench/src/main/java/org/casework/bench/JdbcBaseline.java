package org.casework.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The floor under the REST figure: the rows the case engine writes for one new case, inserted
 * with plain JDBC, one transaction per case. Per case: one {@code cw_case} row (JSON data and
 * search text), one {@code cw_case_value} row per indexed value (sent as one batch), and one
 * {@code cw_case_history} row. Ids come from the engine's sequences in blocks of 50, the way
 * EclipseLink preallocates them, so the baseline and the engine can share a database.
 */
final class JdbcBaseline {

    /** Opens a connection to the benchmark database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    static final String ACTOR = "admin";
    private static final int BLOCK = 50;

    private final ConnectionSource connections;
    private final String nextValueSql;
    private final IdBlocks caseIds;
    private final IdBlocks coreIds;

    private JdbcBaseline(ConnectionSource connections, String nextValueSql) {
        this.connections = connections;
        this.nextValueSql = nextValueSql;
        this.caseIds = new IdBlocks("cw_case_seq");
        this.coreIds = new IdBlocks("cw_core_seq");
    }

    static JdbcBaseline derby(ConnectionSource connections) {
        return new JdbcBaseline(connections, "VALUES (NEXT VALUE FOR %s)");
    }

    static JdbcBaseline postgresql(ConnectionSource connections) {
        return new JdbcBaseline(connections, "SELECT nextval('%s')");
    }

    /** Inserts {@code samples.size()} cases on {@code clients} threads. */
    LoadRunner.Measurement insert(int clients, List<CongressSamples.Sample> samples) throws InterruptedException {
        return LoadRunner.run(clients, samples.size(), () -> new Writer(connections.open(), samples));
    }

    /** Row counts of the engine's tables, to check that the baseline writes what the engine does. */
    static long[] countRows(Connection c) throws SQLException {
        long[] counts = new long[3];
        String[] tables = {"cw_case", "cw_case_value", "cw_case_history"};
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }

    /** Indexed values per field, to say which field differs when the totals do. */
    static java.util.Map<String, Long> countValuesByField(Connection c) throws SQLException {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT field_key, COUNT(*) FROM cw_case_value GROUP BY field_key")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** One client thread: its own connection and statements. */
    private final class Writer implements LoadRunner.Worker {
        private final Connection c;
        private final List<CongressSamples.Sample> samples;
        private final PreparedStatement insertCase;
        private final PreparedStatement insertValue;
        private final PreparedStatement insertHistory;

        Writer(Connection c, List<CongressSamples.Sample> samples) throws SQLException {
            this.c = c;
            this.samples = samples;
            c.setAutoCommit(false);
            insertCase = c.prepareStatement("INSERT INTO cw_case (id, case_type, case_number, title, status, closed, "
                    + "data, search_text, created_at, created_by, updated_at, updated_by, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertValue = c.prepareStatement("INSERT INTO cw_case_value (id, case_id, field_key, ordinal, value_text) "
                    + "VALUES (?, ?, ?, ?, ?)");
            insertHistory = c.prepareStatement("INSERT INTO cw_case_history (id, case_id, at_time, actor, action, new_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void run(int index) throws SQLException {
            CongressSamples.Sample s = samples.get(index);
            try {
                Instant now = Instant.now();
                Timestamp at = Timestamp.from(now);
                long id = caseIds.next(c);
                String number = String.format("%s-%d-%06d", CongressSamples.NUMBER_PREFIX,
                        now.atZone(ZoneOffset.UTC).getYear(), id);
                insertCase.setLong(1, id);
                insertCase.setString(2, CongressSamples.TYPE);
                insertCase.setString(3, number);
                insertCase.setString(4, s.title());
                insertCase.setString(5, "RECEIVED");
                insertCase.setBoolean(6, false);
                insertCase.setString(7, s.dataJson());
                insertCase.setString(8, CongressSamples.fold(number) + " " + s.searchTextAfterNumber());
                insertCase.setTimestamp(9, at);
                insertCase.setString(10, ACTOR);
                insertCase.setTimestamp(11, at);
                insertCase.setString(12, ACTOR);
                insertCase.setLong(13, 1);
                insertCase.executeUpdate();
                for (CongressSamples.IndexedValue v : s.values()) {
                    insertValue.setLong(1, coreIds.next(c));
                    insertValue.setLong(2, id);
                    insertValue.setString(3, v.field());
                    insertValue.setInt(4, v.ordinal());
                    insertValue.setString(5, v.text());
                    insertValue.addBatch();
                }
                insertValue.executeBatch();
                insertHistory.setLong(1, coreIds.next(c));
                insertHistory.setLong(2, id);
                insertHistory.setTimestamp(3, at);
                insertHistory.setString(4, ACTOR);
                insertHistory.setString(5, "created");
                insertHistory.setString(6, number);
                insertHistory.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /**
     * Ids from a sequence that steps by 50: each value fetched ends a block of 50 ids, handed out
     * to all client threads.
     */
    private final class IdBlocks {
        private final String sequence;
        private long next;
        private long last = -1;

        IdBlocks(String sequence) {
            this.sequence = sequence;
        }

        synchronized long next(Connection c) throws SQLException {
            if (next > last) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery(String.format(nextValueSql, sequence))) {
                    rs.next();
                    last = rs.getLong(1);
                    next = last - BLOCK + 1;
                }
            }
            return next++;
        }
    }
}
