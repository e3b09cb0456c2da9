package org.casework.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.impl.internal.search.SearchIndex;
import org.casework.litigation.impl.internal.types.AdministrativeCaseType;
import org.casework.litigation.impl.internal.types.FederalLitigationType;
import org.casework.litigation.impl.internal.types.ImmigrationCaseType;

/**
 * Fills a Casework database with N litigation cases by plain JDBC, for the calendar benchmark of
 * issue 5 only: through the API, 200,000 cases with a million hearings and due dates would take
 * many hours, and what the benchmark needs is a large office to list.
 *
 * <p>Per case it writes what the engine and the litigation module write when a case is opened and
 * its hearings and due dates are added: the {@code cw_case} row (the values as JSON, the title,
 * the owning division, the assignee, the search text of the engine's own {@code SearchIndex}
 * over the type's own definition), its {@code cw_case_value} rows and {@code cw_case_history}
 * "created" row; the module's {@code lit_case} row, the {@code lit_a_number} claim of an
 * immigration case, and its hearings and due dates carrying the case's type, office, attorney,
 * creator and open flag as the module's case listener stamps them. Ids come from the sequences
 * the server uses ({@code cw_case_seq}, {@code cw_core_seq}, {@code lit_hearing_seq},
 * {@code lit_due_date_seq}) in EclipseLink's blocks of 50, so what the server adds later never
 * collides. It writes no audit events and bypasses validation: never point it at a database that
 * matters.
 *
 * <p>The cases: {@value #MAIN_SHARE}% in the measured office, the rest spread over
 * {@value #OTHER_OFFICES} other offices; 70 % immigration, 25 % federal litigation, 5 %
 * administrative; opened over the last three years; 10 % closed, 5 % on appeal. Each case has 3
 * hearings and 2 due dates (N = 200,000 gives the 1,000,000), dated around the case's
 * life: a closed case's lie in the past, an open case's from a year back to a year ahead. Due
 * dates in the past are mostly completed.
 */
final class LitigationLoader {

    static final String ACTOR = "bulk-loader";
    static final String OFFICE = "occ-bench";
    static final int MAIN_SHARE = 80;
    static final int OTHER_OFFICES = 4;
    static final int HEARINGS_PER_CASE = 3;
    static final int DUE_DATES_PER_CASE = 2;
    private static final int CHUNK = 250;
    private static final String[] GIVEN = {"José", "María", "Mohammed", "Fatima", "Dmitri", "Olga", "Wei", "Li",
        "Nguyen Van", "Thi Lan", "Jean", "Marie", "Carlos", "Ana", "Ahmed", "Aisha", "Ivan", "Natalia", "Ming", "Rosa"};
    private static final String[] FAMILY = {"García", "Hernández", "López", "al-Hassan", "Haddad", "Ivanov",
        "Petrov", "Zhang", "Wang", "Tran", "Pham", "Joseph", "Pierre", "Martínez", "Mansour", "Smirnov", "Chen",
        "Le", "Baptiste", "Ramírez"};
    private static final String[] COUNTRIES = {"Mexico", "Guatemala", "Honduras", "Syria", "Russia", "China",
        "Vietnam", "Haiti", "El Salvador", "Venezuela"};
    private static final String[] LANGUAGES = {"Spanish", "Spanish", "Spanish", "Arabic", "Russian", "Mandarin",
        "Vietnamese", "Haitian Creole", "Spanish", "Spanish"};
    private static final String[] COURTS = {"San Francisco Immigration Court", "Concord Immigration Court",
        "Sacramento Immigration Court", "Otay Mesa Immigration Court", "Adelanto Immigration Court"};
    private static final String[] CUSTODY = {"DETAINED", "RELEASED", "NOT_DETAINED", "NOT_DETAINED", "UNKNOWN"};
    private static final String[] FED_SUBTYPES = {"FTCA", "FOIA", "PRIVACY_ACT", "CONTRACT", "EMPLOYMENT"};
    private static final String[] ADM_SUBTYPES = {"EEO", "MSPB", "CONTRACT"};
    private static final String[] HEARING_TYPES = {"MASTER_CALENDAR", "MASTER_CALENDAR", "INDIVIDUAL", "BOND",
        "CUSTODY", "STATUS", "MOTION", "TRIAL"};
    private static final String[] DUE_TYPES = {"PLEADING", "MOTION", "BRIEF", "RESPONSE", "DISCOVERY", "OTHER"};

    private final JdbcBaseline.ConnectionSource connections;
    private final boolean postgres;
    private final int attorneys;
    private final LocalDate today;
    private final SequenceIds caseIds;
    private final SequenceIds coreIds;
    private final SequenceIds hearingIds;
    private final SequenceIds dueDateIds;
    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong hearings = new AtomicLong();
    private final AtomicLong dueDates = new AtomicLong();
    private Connection idConnection;

    LitigationLoader(JdbcBaseline.ConnectionSource connections, boolean postgres, int attorneys, LocalDate today) {
        this.connections = connections;
        this.postgres = postgres;
        this.attorneys = attorneys;
        this.today = today;
        this.caseIds = new SequenceIds("cw_case_seq", postgres, () -> idConnection, this);
        this.coreIds = new SequenceIds("cw_core_seq", postgres, () -> idConnection, this);
        this.hearingIds = new SequenceIds("lit_hearing_seq", postgres, () -> idConnection, this);
        this.dueDateIds = new SequenceIds("lit_due_date_seq", postgres, () -> idConnection, this);
    }

    /** The user name of attorney {@code i} (1-based) of the measured office. */
    static String attorney(int i) {
        return String.format(Locale.ROOT, "att%03d", i);
    }

    long hearings() {
        return hearings.get();
    }

    long dueDates() {
        return dueDates.get();
    }

    /**
     * Loads {@code count} cases on {@code threads} writer threads, {@value #CHUNK} cases to a
     * transaction and JDBC batch, each thread with a generator of its own; prints progress every
     * ten seconds.
     *
     * @return seconds taken
     */
    double load(int count, int threads, long seed, String label) throws Exception {
        long t0 = System.nanoTime();
        idConnection = connections.open();
        idConnection.setAutoCommit(false);
        AtomicInteger handedOut = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-loader");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                writers.add(pool.submit(() -> {
                    try (Writer w = new Writer(connections.open(), random)) {
                        while (true) {
                            int from = handedOut.getAndAdd(CHUNK);
                            if (from >= count) {
                                return null;
                            }
                            w.write(from, Math.min(CHUNK, count - from));
                        }
                    }
                }));
            }
            long lastReport = System.nanoTime();
            for (Future<?> w : writers) {
                while (true) {
                    try {
                        w.get(1, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException stillRunning) {
                        if (System.nanoTime() - lastReport > 10_000_000_000L) {
                            lastReport = System.nanoTime();
                            double s = (lastReport - t0) / 1e9;
                            System.out.printf("bench: [%s] loaded %,d of %,d cases in %.0f s (%.0f/s), load average "
                                    + "%s%n", label, loaded.get(), count, s, loaded.get() / s,
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
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            } else {
                String schema;
                try (ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                for (String t : List.of("CW_CASE", "CW_CASE_VALUE", "CW_CASE_HISTORY", "LIT_CASE", "LIT_A_NUMBER",
                        "LIT_HEARING", "LIT_DUE_DATE")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('" + schema + "', '" + t + "', NULL)");
                }
            }
        }
    }

    /** One writer thread: its own connection, statements, generator and JSON mapper. */
    private final class Writer implements AutoCloseable {
        private final Connection c;
        private final Random random;
        private final ObjectMapper json = new ObjectMapper();
        private final PreparedStatement insertCase;
        private final PreparedStatement insertValue;
        private final PreparedStatement insertHistory;
        private final PreparedStatement insertLitCase;
        private final PreparedStatement insertANumber;
        private final PreparedStatement insertHearing;
        private final PreparedStatement insertDueDate;

        Writer(Connection c, Random random) throws SQLException {
            this.c = c;
            this.random = random;
            c.setAutoCommit(false);
            insertCase = c.prepareStatement("INSERT INTO cw_case (id, case_type, case_number, title, status, closed, "
                    + "assignee, owner_division, data, search_text, created_at, created_by, updated_at, updated_by, "
                    + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertValue = c.prepareStatement("INSERT INTO cw_case_value (id, case_id, field_key, ordinal, value_text) "
                    + "VALUES (?, ?, ?, ?, ?)");
            insertHistory = c.prepareStatement("INSERT INTO cw_case_history (id, case_id, at_time, actor, action, "
                    + "new_value) VALUES (?, ?, ?, ?, ?, ?)");
            insertLitCase = c.prepareStatement("INSERT INTO lit_case (case_id, case_type, case_number, title, status, "
                    + "closed, assignee, division, created_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertANumber = c.prepareStatement("INSERT INTO lit_a_number (a_number, case_id) VALUES (?, ?)");
            insertHearing = c.prepareStatement("INSERT INTO lit_hearing (id, case_id, hearing_date, hearing_time, "
                    + "location, hearing_type, judge, created_at, created_by, version, case_type, division, assignee, "
                    + "case_creator, case_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)");
            insertDueDate = c.prepareStatement("INSERT INTO lit_due_date (id, case_id, due_type, due_date, description, "
                    + "created_at, created_by, version, completed, case_type, division, assignee, case_creator, "
                    + "case_open) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)");
        }

        void write(int from, int n) throws SQLException, JsonProcessingException {
            try {
                for (int i = 0; i < n; i++) {
                    add(from + i);
                }
                for (PreparedStatement ps : List.of(insertCase, insertValue, insertHistory, insertLitCase,
                        insertANumber, insertHearing, insertDueDate)) {
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException se && se.getNextException() != null) {
                    e.addSuppressed(se.getNextException());
                }
                throw e;
            }
            loaded.addAndGet(n);
        }

        private void add(int index) throws SQLException, JsonProcessingException {
            long id = caseIds.next();
            int kind = random.nextInt(100);
            CaseTypeDefinition type = kind < 70 ? ImmigrationCaseType.DEFINITION
                    : kind < 95 ? FederalLitigationType.DEFINITION : AdministrativeCaseType.DEFINITION;
            String office;
            String attorney;
            if (random.nextInt(100) < MAIN_SHARE) {
                office = OFFICE;
                attorney = attorney(1 + random.nextInt(attorneys));
            } else {
                int o = 1 + random.nextInt(OTHER_OFFICES);
                office = "occ-other" + o;
                attorney = String.format(Locale.ROOT, "other%d-att%02d", o, 1 + random.nextInt(20));
            }
            Instant opened = today.minusDays(1 + random.nextInt(3 * 365)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(28_800 + random.nextInt(36_000));
            LocalDate openedOn = opened.atZone(ZoneOffset.UTC).toLocalDate();
            int fate = random.nextInt(100);
            boolean closed = fate < 10;
            String status = closed ? "CLOSED" : fate < 15 ? "ON_APPEAL" : "OPEN";
            // a closed case ended some time between its opening and yesterday
            LocalDate closedOn = closed ? openedOn.plusDays(random.nextInt((int) Math.max(1,
                    today.toEpochDay() - openedOn.toEpochDay()))) : null;
            Instant updated = closed ? closedOn.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(50_000) : opened;
            String number = String.format(Locale.ROOT, "%s-%d-%06d", type.numberPrefix(),
                    opened.atZone(ZoneOffset.UTC).getYear(), id);
            String person = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
            Map<String, Object> values = values(type, index, person, openedOn);
            Object titleValue = values.get(type.titleField());
            String title = titleValue instanceof Map<?, ?> m ? String.valueOf(m.get("fullName"))
                    : String.valueOf(titleValue);

            Timestamp openedTs = Timestamp.from(opened);
            insertCase.setLong(1, id);
            insertCase.setString(2, type.key());
            insertCase.setString(3, number);
            insertCase.setString(4, title);
            insertCase.setString(5, status);
            insertCase.setBoolean(6, closed);
            insertCase.setString(7, attorney);
            insertCase.setString(8, office);
            insertCase.setString(9, json.writeValueAsString(values));
            insertCase.setString(10, SearchIndex.searchText(type, number, values));
            insertCase.setTimestamp(11, openedTs);
            insertCase.setString(12, ACTOR);
            insertCase.setTimestamp(13, Timestamp.from(updated));
            insertCase.setString(14, ACTOR);
            insertCase.setLong(15, closed ? 3 : 2);
            insertCase.addBatch();
            for (SearchIndex.Entry e : SearchIndex.entries(type, values)) {
                insertValue.setLong(1, coreIds.next());
                insertValue.setLong(2, id);
                insertValue.setString(3, e.field());
                insertValue.setInt(4, e.ordinal());
                insertValue.setString(5, e.text());
                insertValue.addBatch();
            }
            insertHistory.setLong(1, coreIds.next());
            insertHistory.setLong(2, id);
            insertHistory.setTimestamp(3, openedTs);
            insertHistory.setString(4, ACTOR);
            insertHistory.setString(5, "created");
            insertHistory.setString(6, number);
            insertHistory.addBatch();

            insertLitCase.setLong(1, id);
            insertLitCase.setString(2, type.key());
            insertLitCase.setString(3, number);
            insertLitCase.setString(4, title);
            insertLitCase.setString(5, status);
            insertLitCase.setBoolean(6, closed);
            insertLitCase.setString(7, attorney);
            insertLitCase.setString(8, office);
            insertLitCase.setString(9, ACTOR);
            insertLitCase.setTimestamp(10, openedTs);
            insertLitCase.addBatch();
            if (type == ImmigrationCaseType.DEFINITION) {
                insertANumber.setString(1, (String) values.get("aNumber"));
                insertANumber.setLong(2, id);
                insertANumber.addBatch();
            }

            // hearings and due dates: a closed case's before it closed, an open case's from a year
            // back (or its opening) to a year ahead
            LocalDate first = closed ? openedOn : max(openedOn, today.minusDays(365));
            LocalDate last = closed ? closedOn : today.plusDays(365);
            int span = (int) Math.max(1, last.toEpochDay() - first.toEpochDay() + 1);
            for (int h = 0; h < HEARINGS_PER_CASE; h++) {
                LocalDate day = first.plusDays(random.nextInt(span));
                insertHearing.setLong(1, hearingIds.next());
                insertHearing.setLong(2, id);
                insertHearing.setDate(3, Date.valueOf(day));
                // now and then the court has not given the time yet
                insertHearing.setString(4, random.nextInt(10) == 0 ? null
                        : String.format(Locale.ROOT, "%02d:%02d", 8 + random.nextInt(9), random.nextInt(4) * 15));
                insertHearing.setString(5, COURTS[random.nextInt(COURTS.length)] + ", courtroom "
                        + (1 + random.nextInt(12)));
                insertHearing.setString(6, HEARING_TYPES[random.nextInt(HEARING_TYPES.length)]);
                insertHearing.setString(7, "Judge " + FAMILY[random.nextInt(FAMILY.length)]);
                insertHearing.setTimestamp(8, openedTs);
                insertHearing.setString(9, attorney);
                insertHearing.setString(10, type.key());
                insertHearing.setString(11, office);
                insertHearing.setString(12, attorney);
                insertHearing.setString(13, ACTOR);
                insertHearing.setBoolean(14, !closed);
                insertHearing.addBatch();
            }
            for (int d = 0; d < DUE_DATES_PER_CASE; d++) {
                LocalDate day = first.plusDays(random.nextInt(span));
                String dueType = DUE_TYPES[random.nextInt(DUE_TYPES.length)];
                insertDueDate.setLong(1, dueDateIds.next());
                insertDueDate.setLong(2, id);
                insertDueDate.setString(3, dueType);
                insertDueDate.setDate(4, Date.valueOf(day));
                insertDueDate.setString(5, dueType.charAt(0) + dueType.substring(1).toLowerCase(Locale.ROOT)
                        + " due in " + number);
                insertDueDate.setTimestamp(6, openedTs);
                insertDueDate.setString(7, attorney);
                insertDueDate.setBoolean(8, day.isBefore(today) ? random.nextInt(10) < 8 : random.nextInt(20) == 0);
                insertDueDate.setString(9, type.key());
                insertDueDate.setString(10, office);
                insertDueDate.setString(11, attorney);
                insertDueDate.setString(12, ACTOR);
                insertDueDate.setBoolean(13, !closed);
                insertDueDate.addBatch();
            }
            hearings.addAndGet(HEARINGS_PER_CASE);
            dueDates.addAndGet(DUE_DATES_PER_CASE);
        }

        /** The values as the engine stores them (normalized: a person with its name, birth date, aliases). */
        private Map<String, Object> values(CaseTypeDefinition type, int index, String name, LocalDate openedOn) {
            Map<String, Object> v = new LinkedHashMap<>();
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("fullName", name);
            person.put("dateOfBirth", LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12),
                    1 + random.nextInt(28)).toString());
            person.put("aliases", List.of());
            int country = random.nextInt(COUNTRIES.length);
            if (type == ImmigrationCaseType.DEFINITION) {
                // unique per case (lit_a_number's key): the index, spread over the 9-digit range
                v.put("aNumber", String.format(Locale.ROOT, "%09d", 200_000_000L + index));
                v.put("respondent", person);
                v.put("nationality", COUNTRIES[country]);
                v.put("language", LANGUAGES[country]);
                v.put("custodyStatus", CUSTODY[random.nextInt(CUSTODY.length)]);
                v.put("court", COURTS[random.nextInt(COURTS.length)]);
                v.put("proceedingLevel", random.nextInt(10) == 0 ? "BIA" : "IMMIGRATION_JUDGE");
            } else if (type == FederalLitigationType.DEFINITION) {
                v.put("caption", name + " v. United States");
                v.put("subtype", FED_SUBTYPES[random.nextInt(FED_SUBTYPES.length)]);
                v.put("court", "U.S. District Court, N.D. Cal.");
                v.put("docketNumber", String.format(Locale.ROOT, "%d-cv-%05d", openedOn.getYear() % 100, index));
                v.put("plaintiff", person);
                v.put("filedOn", openedOn.minusDays(random.nextInt(60)).toString());
            } else {
                v.put("caption", name + " v. Department");
                v.put("subtype", ADM_SUBTYPES[random.nextInt(ADM_SUBTYPES.length)]);
                v.put("docketNumber", String.format(Locale.ROOT, "SF-%d-%05d", openedOn.getYear(), index));
                v.put("complainant", person);
                v.put("filedOn", openedOn.minusDays(random.nextInt(60)).toString());
            }
            return v;
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
