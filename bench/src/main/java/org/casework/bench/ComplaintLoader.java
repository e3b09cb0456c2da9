package org.casework.bench;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.impl.internal.search.SearchIndex;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;

/**
 * Fills a Casework database with N generated complaints by plain JDBC, for the benchmark only:
 * through the REST API a million complaints would take hours, and what the benchmark needs is a
 * realistically large index to look prior complaints up in and to add new ones to.
 *
 * <p>It writes, per complaint, the rows the case engine and the complaints module write when a
 * complaint is created: the {@code cw_case} row (the JSON data as the engine stores it, the title,
 * the search text), the {@code cw_case_value} rows and the search text computed by the engine's
 * own {@code SearchIndex} over the complaint type's own definition, the {@code cw_case_history}
 * "created" row, the {@code cmp_complaint} row and the {@code cmp_person_key} rows, with the
 * blocking keys of {@code org.casework.matching} at its current {@code KEY_VERSION} and the
 * detainee's date of birth, as the module's CaseListener does. Ids come from the same sequences
 * the engine and the module use ({@code cw_case_seq}, {@code cw_core_seq},
 * {@code cmp_person_key_seq}), a block of 50 per value as EclipseLink takes them, so complaints
 * created later through the API never collide with loaded ones.
 *
 * <p>It is not a migration or import tool: it writes no audit events (the audit chain of the
 * database stays as the server left it), renders no confirmation letters and sends no e-mail, and
 * it bypasses validation and access control. Never point it at a database that matters.
 */
final class ComplaintLoader {

    static final String ACTOR = "bulk-loader";
    /** Complaints per transaction and per JDBC batch. */
    private static final int CHUNK = 250;
    private static final Set<String> CHANNELS_WITH_ORIGINAL = Set.of("IN_PERSON", "MAIL", "EMAIL", "FAX");
    private static final int DESTRUCTION_DAYS = 30;

    private final JdbcBaseline.ConnectionSource connections;
    private final boolean postgres;
    private final CaseTypeDefinition type;
    private final SequenceIds caseIds;
    private final SequenceIds coreIds;
    private final SequenceIds keyIds;
    private final AtomicLong loaded = new AtomicLong();
    private final List<Long> loadedIds = java.util.Collections.synchronizedList(new ArrayList<>());
    private Connection idConnection;

    ComplaintLoader(JdbcBaseline.ConnectionSource connections, boolean postgres) {
        this.connections = connections;
        this.postgres = postgres;
        this.type = complaintType();
        this.caseIds = new SequenceIds("cw_case_seq", postgres, () -> idConnection, this);
        this.coreIds = new SequenceIds("cw_core_seq", postgres, () -> idConnection, this);
        this.keyIds = new SequenceIds("cmp_person_key_seq", postgres, () -> idConnection, this);
    }

    /**
     * The complaint type's definition as the server has it: from the complaints bundle's own class
     * (package-private there; this loader reads it reflectively rather than copying the fields).
     */
    static CaseTypeDefinition complaintType() {
        try {
            Class<?> c = Class.forName("org.casework.complaints.impl.internal.ComplaintType");
            Field f = c.getDeclaredField("DEFINITION");
            f.setAccessible(true);
            return (CaseTypeDefinition) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The complaint type's definition is not on the class path", e);
        }
    }

    /** The ids of the complaints loaded, in no particular order. */
    List<Long> loadedIds() {
        return loadedIds;
    }

    /**
     * Loads {@code count} complaints on one writer thread per generator: each thread generates
     * its complaints (a generator of its own, so generation runs in parallel too) and writes them
     * {@value #CHUNK} to a transaction. Progress is printed every ten seconds.
     *
     * @return seconds taken
     */
    double load(int count, List<ComplaintSamples> generators, String label) throws Exception {
        long t0 = System.nanoTime();
        idConnection = connections.open();
        // one commit per refill of a few hundred sequence values, not one per value
        idConnection.setAutoCommit(false);
        java.util.concurrent.atomic.AtomicInteger handedOut = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(generators.size(), r -> {
            Thread t = new Thread(r, "bench-loader");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (ComplaintSamples generator : generators) {
                writers.add(pool.submit(() -> {
                    try (Writer w = new Writer(connections.open())) {
                        while (true) {
                            int from = handedOut.getAndAdd(CHUNK);
                            if (from >= count) {
                                return null;
                            }
                            int n = Math.min(CHUNK, count - from);
                            List<ComplaintSamples.Sample> chunk = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                chunk.add(generator.next(false));
                            }
                            w.write(chunk);
                        }
                    }
                }));
            }
            long lastReport = System.nanoTime();
            for (Future<?> w : writers) {
                while (true) {
                    try {
                        w.get(1, java.util.concurrent.TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        if (System.nanoTime() - lastReport > 10_000_000_000L) {
                            lastReport = System.nanoTime();
                            double s = (lastReport - t0) / 1e9;
                            System.out.printf("bench: [%s] loaded %,d of %,d complaints in %.0f s (%.0f/s), "
                                    + "load average %s%n", label, loaded.get(), count, s, loaded.get() / s,
                                    ComplaintBenchmark.loadAverage());
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            idConnection.close();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Refreshes the planner's statistics, as an administrator would after a bulk load. */
    void analyze() throws SQLException {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            if (postgres) {
                // VACUUM as well: autovacuum would do it in the first minutes of the measurement,
                // and until then index-only scans read the heap (no page is marked all-visible)
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            } else {
                String schema;
                try (ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                for (String t : List.of("CW_CASE", "CW_CASE_VALUE", "CW_CASE_HISTORY", "CMP_COMPLAINT", "CMP_PERSON_KEY")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('" + schema + "', '" + t + "', NULL)");
                }
            }
        }
    }

    /** One writer thread: its own connection, statements and JSON mapper. */
    private final class Writer implements AutoCloseable {
        private final Connection c;
        private final ObjectMapper json = new ObjectMapper();
        private final PreparedStatement insertCase;
        private final PreparedStatement insertValue;
        private final PreparedStatement insertHistory;
        private final PreparedStatement insertComplaint;
        private final PreparedStatement insertKey;

        Writer(Connection c) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            insertCase = c.prepareStatement("INSERT INTO cw_case (id, case_type, case_number, title, status, closed, "
                    + "data, search_text, created_at, created_by, updated_at, updated_by, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertValue = c.prepareStatement("INSERT INTO cw_case_value (id, case_id, field_key, ordinal, value_text) "
                    + "VALUES (?, ?, ?, ?, ?)");
            insertHistory = c.prepareStatement("INSERT INTO cw_case_history (id, case_id, at_time, actor, action, new_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
            insertComplaint = c.prepareStatement("INSERT INTO cmp_complaint (case_id, case_number, status, closed, "
                    + "created_by, channel, emergency, received_at, a_number, date_of_birth, detainee_names, "
                    + "destruction_due, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertKey = c.prepareStatement("INSERT INTO cmp_person_key (id, case_id, blocking_key, date_of_birth, "
                    + "key_version) VALUES (?, ?, ?, ?, ?)");
        }

        void write(List<ComplaintSamples.Sample> chunk) throws SQLException, JsonProcessingException {
            List<Long> ids = new ArrayList<>(chunk.size());
            try {
                for (ComplaintSamples.Sample s : chunk) {
                    ids.add(add(s));
                }
                insertCase.executeBatch();
                insertValue.executeBatch();
                insertHistory.executeBatch();
                insertComplaint.executeBatch();
                insertKey.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException se && se.getNextException() != null) {
                    e.addSuppressed(se.getNextException()); // PostgreSQL says why a batch failed there
                }
                throw e;
            }
            loadedIds.addAll(ids);
            loaded.addAndGet(chunk.size());
        }

        private long add(ComplaintSamples.Sample s) throws SQLException, JsonProcessingException {
            Map<String, Object> v = s.stored();
            long id = caseIds.next();
            // a complaint arrives some time during its day of receipt
            Instant at = s.receivedOn().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(28_800 + id % 36_000);
            Timestamp ts = Timestamp.from(at);
            String number = String.format("CMP-%d-%06d", at.atZone(ZoneOffset.UTC).getYear(), id);
            @SuppressWarnings("unchecked")
            Map<String, Object> detainee = (Map<String, Object>) v.get("detainee");
            String fullName = String.valueOf(detainee.get("fullName"));
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) detainee.get("aliases");
            LocalDate dob = detainee.get("dateOfBirth") == null ? null : LocalDate.parse((String) detainee.get("dateOfBirth"));

            insertCase.setLong(1, id);
            insertCase.setString(2, ComplaintSamples.TYPE);
            insertCase.setString(3, number);
            insertCase.setString(4, fullName.length() > 255 ? fullName.substring(0, 255) : fullName);
            insertCase.setString(5, "RECEIVED");
            insertCase.setBoolean(6, false);
            insertCase.setString(7, json.writeValueAsString(v));
            insertCase.setString(8, SearchIndex.searchText(type, number, v));
            insertCase.setTimestamp(9, ts);
            insertCase.setString(10, ACTOR);
            insertCase.setTimestamp(11, ts);
            insertCase.setString(12, ACTOR);
            insertCase.setLong(13, 1);
            insertCase.addBatch();
            for (SearchIndex.Entry e : SearchIndex.entries(type, v)) {
                insertValue.setLong(1, coreIds.next());
                insertValue.setLong(2, id);
                insertValue.setString(3, e.field());
                insertValue.setInt(4, e.ordinal());
                insertValue.setString(5, e.text());
                insertValue.addBatch();
            }
            insertHistory.setLong(1, coreIds.next());
            insertHistory.setLong(2, id);
            insertHistory.setTimestamp(3, ts);
            insertHistory.setString(4, ACTOR);
            insertHistory.setString(5, "created");
            insertHistory.setString(6, number);
            insertHistory.addBatch();

            List<String> names = new ArrayList<>();
            names.add(fullName);
            names.addAll(aliases);
            String joined = String.join("\n", names);
            String channel = (String) v.get("channel");
            insertComplaint.setLong(1, id);
            insertComplaint.setString(2, number);
            insertComplaint.setString(3, "RECEIVED");
            insertComplaint.setBoolean(4, false);
            insertComplaint.setString(5, ACTOR);
            insertComplaint.setString(6, channel);
            insertComplaint.setBoolean(7, Boolean.TRUE.equals(v.get("emergency")));
            insertComplaint.setTimestamp(8, ts);
            insertComplaint.setString(9, (String) v.get("aNumber"));
            insertComplaint.setDate(10, dob == null ? null : Date.valueOf(dob));
            insertComplaint.setString(11, joined.length() > 4000 ? joined.substring(0, 4000) : joined);
            insertComplaint.setDate(12, CHANNELS_WITH_ORIGINAL.contains(channel)
                    ? Date.valueOf(s.receivedOn().plusDays(DESTRUCTION_DAYS)) : null);
            insertComplaint.setLong(13, 1);
            insertComplaint.addBatch();
            for (String key : PersonMatching.blockingKeys(new PersonRecord(fullName, aliases, dob))) {
                insertKey.setLong(1, keyIds.next());
                insertKey.setLong(2, id);
                insertKey.setString(3, key.length() > 255 ? key.substring(0, 255) : key);
                insertKey.setDate(4, dob == null ? null : Date.valueOf(dob));
                insertKey.setInt(5, PersonMatching.KEY_VERSION);
                insertKey.addBatch();
            }
            return id;
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }
}
