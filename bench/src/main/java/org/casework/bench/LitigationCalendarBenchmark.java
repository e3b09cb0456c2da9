package org.casework.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Litigation calendar benchmark (issue 5): builds the litigation tables from the module's own
 * migrations, bulk-loads one office of N cases with 5 hearings and due dates each (N = 200,000
 * gives the 1,000,000), and times the two lists of the calendar API with the statements
 * the service issues (page of 50 in date order, its total, and the case numbers of the page):
 * the upcoming hearings of the office, and one attorney's calendar (hearings and due dates).
 * Prints p50/p99 per database.
 *
 * <pre>bench/run-litigation.sh [N] [--databases=derby,postgresql] [--queries=500] [--attorneys=200]</pre>
 */
public final class LitigationCalendarBenchmark {

    private static final String MIGRATIONS = "bundles/modules/litigation/org.casework.litigation.impl/src/main/"
            + "resources/db/migration/";
    private static final String OFFICE = "occ-bench";

    private LitigationCalendarBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 20_000;
        List<String> databases = List.of("derby", "postgresql");
        int queries = 500;
        int attorneys = 200;
        String pg = "127.0.0.1:5432";
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (String a : args) {
            if (a.startsWith("--databases=")) {
                databases = Arrays.asList(a.substring(12).split(","));
            } else if (a.startsWith("--queries=")) {
                queries = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--attorneys=")) {
                attorneys = Integer.parseInt(a.substring(12));
            } else if (a.startsWith("--pg=")) {
                pg = a.substring(5);
            } else if (a.startsWith("--assembly=")) {
                root = Path.of(a.substring(11)).getParent().getParent().getParent();
            } else if (!a.startsWith("--")) {
                n = Integer.parseInt(a.replace("_", ""));
            }
        }
        System.out.printf("litigation calendar benchmark: %,d cases, %,d hearings and due dates, %d attorneys, "
                + "%d timed requests per list%n", n, n * 5L, attorneys, queries);
        for (String db : databases) {
            run(root, db.strip(), n, attorneys, queries, pg);
        }
    }

    private static void run(Path root, String db, int n, int attorneys, int queries, String pg) throws Exception {
        String url;
        String dbName = "bench_lit_" + System.nanoTime();
        Path derbyDir = null;
        if (db.equals("derby")) {
            derbyDir = Files.createTempDirectory("bench-lit");
            url = "jdbc:derby:" + derbyDir.resolve("db") + ";create=true";
        } else {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres", "postgres", "");
                    Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + dbName);
            }
            url = "jdbc:postgresql://" + pg + "/" + dbName;
        }
        try (Connection c = db.equals("derby") ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, "postgres", "")) {
            for (String script : List.of("V1__litigation", "V3__calendar")) {
                migrate(c, root.resolve(MIGRATIONS + script + "." + db + ".sql"));
            }
            long t0 = System.nanoTime();
            load(c, n, attorneys);
            c.setAutoCommit(true);
            if (db.equals("postgresql")) {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                }
            }
            System.out.printf("%s: loaded in %.1f s%n", db, (System.nanoTime() - t0) / 1e9);
            c.setAutoCommit(true);
            LocalDate today = LocalDate.now();
            Random r = new Random(7);
            // warm-up, then the timed requests
            for (int i = 0; i < 50; i++) {
                officeHearings(c, today);
                attorneyCalendar(c, "att" + r.nextInt(attorneys), today);
            }
            long[] office = new long[queries];
            long[] attorney = new long[queries];
            long rows = 0;
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                rows += officeHearings(c, today);
                office[i] = System.nanoTime() - s;
                s = System.nanoTime();
                rows += attorneyCalendar(c, "att" + r.nextInt(attorneys), today);
                attorney[i] = System.nanoTime() - s;
            }
            report(db, "upcoming hearings of the office (page of 50 + total)", office);
            report(db, "one attorney's calendar (hearings + due dates, page of 50 + totals)", attorney);
            if (rows == 0) {
                System.out.println("(no rows listed: check the generated dates)");
            }
        } finally {
            if (db.equals("postgresql")) {
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres",
                        "postgres", ""); Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + dbName);
                }
            } else {
                try {
                    DriverManager.getConnection("jdbc:derby:" + derbyDir.resolve("db") + ";shutdown=true");
                } catch (SQLException expected) {
                    // Derby reports a shut-down database as an exception
                }
                try (var paths = Files.walk(derbyDir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void report(String db, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        System.out.printf("%s: %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 <= 100 ms: %s)%n", db, what, p50,
                p99, sorted[sorted.length - 1] / 1e6, p99 <= 100 ? "met" : "NOT met");
    }

    private static void migrate(Connection c, Path script) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(script)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            sql.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                try (Statement st = c.createStatement()) {
                    String s = sql.toString().strip();
                    st.execute(s.substring(0, s.length() - 1));
                }
                sql.setLength(0);
            }
        }
    }

    /** One office; each case has an attorney, 3 hearings and 2 due dates within two years of today. */
    private static void load(Connection c, int n, int attorneys) throws SQLException {
        c.setAutoCommit(false);
        Random r = new Random(42);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement cs = c.prepareStatement("INSERT INTO lit_case (case_id, case_type, case_number, title, "
                + "status, closed, assignee, division, created_by, opened_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement hs = c.prepareStatement("INSERT INTO lit_hearing (id, case_id, hearing_date, "
                        + "hearing_time, location, hearing_type, judge, created_at, created_by, version, case_type, "
                        + "division, assignee, case_creator, case_open) VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)");
                PreparedStatement ds = c.prepareStatement("INSERT INTO lit_due_date (id, case_id, due_type, due_date, "
                        + "description, created_at, created_by, version, completed, case_type, division, assignee, "
                        + "case_creator, case_open) VALUES (?,?,?,?,?,?,?,0,?,?,?,?,?,?)")) {
            long hid = 1;
            long did = 1;
            for (int i = 1; i <= n; i++) {
                String type = i % 10 < 7 ? "immigration-case" : "federal-litigation";
                String att = "att" + (i % attorneys);
                boolean closed = i % 10 == 9;
                cs.setLong(1, i);
                cs.setString(2, type);
                cs.setString(3, "IMM-2026-" + String.format("%06d", i));
                cs.setString(4, "Respondent " + i);
                cs.setString(5, closed ? "CLOSED" : "OPEN");
                cs.setBoolean(6, closed);
                cs.setString(7, att);
                cs.setString(8, OFFICE);
                cs.setString(9, att);
                cs.setTimestamp(10, now);
                cs.addBatch();
                for (int h = 0; h < 3; h++) {
                    hs.setLong(1, hid++);
                    hs.setLong(2, i);
                    hs.setDate(3, Date.valueOf(today.plusDays(r.nextInt(730) - 365)));
                    hs.setString(4, String.format("%02d:%02d", 8 + r.nextInt(9), r.nextInt(4) * 15));
                    hs.setString(5, "Courtroom " + r.nextInt(20));
                    hs.setString(6, "INDIVIDUAL");
                    hs.setString(7, "Judge " + r.nextInt(50));
                    hs.setTimestamp(8, now);
                    hs.setString(9, att);
                    hs.setString(10, type);
                    hs.setString(11, OFFICE);
                    hs.setString(12, att);
                    hs.setString(13, att);
                    hs.setBoolean(14, !closed);
                    hs.addBatch();
                }
                for (int d = 0; d < 2; d++) {
                    ds.setLong(1, did++);
                    ds.setLong(2, i);
                    ds.setString(3, "BRIEF");
                    ds.setDate(4, Date.valueOf(today.plusDays(r.nextInt(730) - 365)));
                    ds.setString(5, "Brief " + d);
                    ds.setTimestamp(6, now);
                    ds.setString(7, att);
                    ds.setBoolean(8, r.nextInt(3) == 0);
                    ds.setString(9, type);
                    ds.setString(10, OFFICE);
                    ds.setString(11, att);
                    ds.setString(12, att);
                    ds.setBoolean(13, !closed);
                    ds.addBatch();
                }
                if (i % 2_000 == 0 || i == n) {
                    cs.executeBatch();
                    hs.executeBatch();
                    ds.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /**
     * The need-to-know clause the service adds for an attorney of the office: every immigration
     * case, federal cases of the attorney's own division.
     */
    private static final String VISIBLE = " AND (e.case_type = ? OR (e.case_type = ? AND e.division IN (?)))";

    private static int bind(PreparedStatement ps, int i, String who, LocalDate from, LocalDate to) throws SQLException {
        ps.setString(i++, who);
        ps.setDate(i++, Date.valueOf(from));
        ps.setDate(i++, Date.valueOf(to));
        ps.setBoolean(i++, true);
        ps.setString(i++, "immigration-case");
        ps.setString(i++, "federal-litigation");
        ps.setString(i++, OFFICE);
        return i;
    }

    private static int officeHearings(Connection c, LocalDate today) throws SQLException {
        String where = " FROM lit_hearing e WHERE e.division = ? AND e.hearing_date >= ? AND e.hearing_date <= ? "
                + "AND e.case_open = ?" + VISIBLE;
        return page(c, "SELECT e.id, e.case_id, e.hearing_date, e.hearing_time, e.location, e.hearing_type, e.judge"
                + where + " ORDER BY e.hearing_date ASC, e.hearing_time ASC, e.id ASC", "SELECT COUNT(*)" + where,
                OFFICE, today, today.plusYears(1));
    }

    private static int attorneyCalendar(Connection c, String attorney, LocalDate today) throws SQLException {
        String hw = " FROM lit_hearing e WHERE e.assignee = ? AND e.hearing_date >= ? AND e.hearing_date <= ? "
                + "AND e.case_open = ?" + VISIBLE;
        String dw = " FROM lit_due_date e WHERE e.assignee = ? AND e.due_date >= ? AND e.due_date <= ? "
                + "AND e.case_open = ?" + VISIBLE;
        return page(c, "SELECT e.id, e.case_id, e.hearing_date, e.hearing_time" + hw
                + " ORDER BY e.hearing_date ASC, e.hearing_time ASC, e.id ASC", "SELECT COUNT(*)" + hw, attorney, today,
                today.plusYears(1))
                + page(c, "SELECT e.id, e.case_id, e.due_date, e.due_type" + dw + " ORDER BY e.due_date ASC, e.id ASC",
                        "SELECT COUNT(*)" + dw, attorney, today, today.plusYears(1));
    }

    /** A page of 50, its total, and the page's case numbers: the three statements of one list request. */
    private static int page(Connection c, String select, String count, String who, LocalDate from, LocalDate to)
            throws SQLException {
        List<Long> cases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY")) {
            bind(ps, 1, who, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cases.add(rs.getLong(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(count)) {
            bind(ps, 1, who, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
        }
        if (!cases.isEmpty()) {
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < cases.size(); i++) {
                in.append(i == 0 ? "?" : ",?");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT case_id, case_number, title FROM lit_case WHERE "
                    + "case_id IN (" + in + ")")) {
                for (int i = 0; i < cases.size(); i++) {
                    ps.setLong(i + 1, cases.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
        }
        return cases.size();
    }
}
