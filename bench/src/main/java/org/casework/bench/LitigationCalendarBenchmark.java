package org.casework.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The litigation calendar benchmark of issue 5: on a database holding N litigation cases with 3
 * hearings and 2 due dates each (bulk-loaded by {@link LitigationLoader}; N = 200,000 is the
 * issue's 1,000,000 hearings and deadlines), how long the calendar takes through REST, as an
 * attorney of the office signed in sees it: {@code GET /api/v1/litigation/calendar?office=...&kind=hearing}
 * (the office's upcoming hearings, first page of 50) and
 * {@code GET /api/v1/litigation/calendar?attorney=...} (one attorney's hearings and due dates, an
 * attorney of the office picked at random per request), on several clients, per database.
 * See docs/benchmarks.md.
 */
public final class LitigationCalendarBenchmark {

    private static final Duration STOP_GRACE = Duration.ofSeconds(120);
    private static final long SEED = 20_261_202L;
    private static final String CALENDAR = CaseworkApi.API + "/litigation/calendar";
    private static final String USER = LitigationLoader.attorney(1);

    /** The command line. */
    record Options(int cases, List<Integer> clients, int requests, int warmup, int attorneys, int loadThreads,
            boolean keep, ServerOptions server) {

        static Options parse(String[] args) {
            int cases = 20_000;
            List<Integer> clients = List.of(1, 8);
            int requests = 1000;
            int warmup = 200;
            int attorneys = 200;
            int loadThreads = 3;
            boolean keep = false;
            ServerOptions server = new ServerOptions();
            for (String a : args) {
                if (a.isBlank()) {
                    continue;
                }
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
                if (a.matches("[\\d_]+")) {
                    cases = Integer.parseInt(a.replace("_", ""));
                } else if (a.startsWith("--clients=")) {
                    clients = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                } else if (a.startsWith("--requests=")) {
                    requests = Integer.parseInt(value);
                } else if (a.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (a.startsWith("--attorneys=")) {
                    attorneys = Integer.parseInt(value);
                } else if (a.startsWith("--load-threads=")) {
                    loadThreads = Integer.parseInt(value);
                } else if (a.equals("--keep")) {
                    keep = true;
                } else if (!server.accept(a)) {
                    throw new IllegalArgumentException("Unknown argument: " + a);
                }
            }
            if (cases < 1 || requests < 1 || warmup < 0 || attorneys < 1 || loadThreads < 1
                    || clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("counts must be positive (warm-up may be 0)");
            }
            return new Options(cases, clients, requests, warmup, attorneys, loadThreads, keep, server);
        }
    }

    /** One line of the result table. */
    record Row(String database, int cases, double loadSeconds, String list, int clients, LoadRunner.Measurement m,
            String note, String loadBefore, String loadAfter) {
    }

    private final Options options;
    private final Cleanup cleanup = new Cleanup();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private LitigationCalendarBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("bench: " + e.getMessage());
            System.out.println("usage: run-litigation.sh [N] [--clients=1,8] [--requests=1000] [--warmup=200] "
                    + "[--attorneys=200] [--load-threads=3] [--databases=derby,postgresql] [--pg=127.0.0.1:5432] "
                    + "[--pg-user=postgres] [--boot-timeout=300] [--keep]");
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(options.server().assembly().resolve("bin/karaf"))) {
            System.out.println("bench: no built distribution at " + options.server().assembly());
            System.exit(2);
            return;
        }
        LitigationCalendarBenchmark bench = new LitigationCalendarBenchmark(options);
        int code;
        try {
            code = bench.runAll();
        } finally {
            bench.cleanup.runAll();
        }
        System.exit(code);
    }

    private int runAll() {
        System.out.printf("bench: %,d litigation cases (%,d hearings and due dates), %d attorneys in %s; %d requests "
                + "per list on %s client(s) after a warm-up of %d; Java %s, %d CPUs, load average %s%n",
                options.cases(), (long) options.cases() * (LitigationLoader.HEARINGS_PER_CASE
                        + LitigationLoader.DUE_DATES_PER_CASE), options.attorneys(), LitigationLoader.OFFICE,
                options.requests(), options.clients(), options.warmup(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ComplaintBenchmark.loadAverage());
        for (String db : options.server().databases()) {
            int mark = cleanup.mark();
            try {
                run(db);
            } catch (Exception e) {
                problems.add(db + ": " + e);
                System.out.println("bench: " + db + " run failed: " + e);
                e.printStackTrace(System.out);
            } finally {
                cleanup.runDownTo(mark);
            }
        }
        printTable();
        return problems.isEmpty() && rows.stream().allMatch(r -> r.m().failures() == 0) ? 0 : 1;
    }

    private void run(String db) throws Exception {
        boolean postgres = db.equals("postgresql");
        say(db, "copying the distribution");
        KarafServer server = KarafServer.copyOf(options.server().assembly(), db);
        if (options.keep()) {
            say(db, "--keep: the copy and its logs stay in " + server.home());
        } else {
            cleanup.add("delete " + server.home(), server::deleteCopy);
        }
        server.bootFeature("casework-litigation");
        BenchDatabases.Postgres pg = options.server().postgres();
        String database = null;
        if (postgres) {
            database = pg.createDatabase();
            String name = database;
            cleanup.add("drop database " + name, () -> pg.dropDatabase(name));
            say(db, "created database " + database);
            server.usePostgresql(pg, database);
        }
        // the first boot runs the migrations: the engine's and the module's tables exist after it
        ServerReady.Ready ready = start(db, server, ServerReady.randomPassword());
        say(db, "stopping Karaf to load the database");
        server.stop(STOP_GRACE);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LitigationLoader loader;
        BenchDatabases.Derby derby = null;
        if (postgres) {
            String name = database;
            loader = new LitigationLoader(() -> pg.connectForLoad(name), true, options.attorneys(), today);
        } else {
            System.setProperty("derby.stream.error.file", server.home().resolve("bench-derby.log").toString());
            // for the bulk load in this JVM only: a page cache of 160 MB instead of 4 MB, and no
            // log sync per commit (the database is shut down cleanly before Karaf opens it again)
            System.setProperty("derby.storage.pageCacheSize", "40000");
            System.setProperty("derby.system.durability", "test");
            derby = new BenchDatabases.Derby(CaseCreateBenchmark.derbyDirectory(server));
            cleanup.add("shut down Derby", derby::shutdown);
            loader = new LitigationLoader(derby::connect, false, options.attorneys(), today);
        }
        String before = ComplaintBenchmark.loadAverage();
        say(db, String.format("bulk-loading %,d cases on %d threads (load average %s)", options.cases(),
                options.loadThreads(), before));
        double seconds = loader.load(options.cases(), options.loadThreads(), SEED, db);
        say(db, String.format("loaded %,d cases, %,d hearings and %,d due dates in %.1f s (%.0f cases/s); updating "
                + "statistics", options.cases(), loader.hearings(), loader.dueDates(), seconds,
                options.cases() / seconds));
        long t0 = System.nanoTime();
        loader.analyze();
        say(db, String.format("statistics updated in %.1f s", (System.nanoTime() - t0) / 1e9));
        try (Connection c = postgres ? pg.connect(database) : derby.connect()) {
            say(db, "rows: " + counts(c, today));
        }
        if (!postgres) {
            derby.shutdown();
        }
        ready = start(db, server, ready.password());
        String token = attorneyToken(server, ready.token());
        say(db, "signed in as " + USER + ", attorney of " + LitigationLoader.OFFICE);

        Random pick = new Random(SEED);
        List<String> attorneys = new ArrayList<>();
        for (int i = 0; i < options.requests() + options.warmup(); i++) {
            attorneys.add(LitigationLoader.attorney(1 + pick.nextInt(options.attorneys())));
        }
        String office = CALENDAR + "?office=" + LitigationLoader.OFFICE + "&kind=hearing";
        if (options.warmup() > 0) {
            int clients = options.clients().stream().max(Integer::compare).orElse(1);
            report(db, "warm-up office", list(server, token, clients, options.warmup(), i -> office, new Stats()));
            report(db, "warm-up attorney", list(server, token, clients, options.warmup(),
                    i -> CALENDAR + "?attorney=" + attorneys.get(options.requests() + i), new Stats()));
        }
        for (int clients : options.clients()) {
            String l0 = ComplaintBenchmark.loadAverage();
            Stats s = new Stats();
            LoadRunner.Measurement m = list(server, token, clients, options.requests(), i -> office, s);
            report(db, "office upcoming hearings, " + clients + " client(s)", m);
            rows.add(new Row(db, options.cases(), seconds, "office hearings", clients, m, s.note(), l0,
                    ComplaintBenchmark.loadAverage()));
            String l1 = ComplaintBenchmark.loadAverage();
            Stats a = new Stats();
            m = list(server, token, clients, options.requests(), i -> CALENDAR + "?attorney=" + attorneys.get(i), a);
            report(db, "attorney calendar, " + clients + " client(s)", m);
            rows.add(new Row(db, options.cases(), seconds, "attorney calendar", clients, m, a.note(), l1,
                    ComplaintBenchmark.loadAverage()));
        }
        if (rows.stream().anyMatch(r -> r.m().failures() > 0)) {
            System.out.println(server.logTail(40));
        }
        server.stop(STOP_GRACE);
    }

    /**
     * Creates the attorney {@link #USER} of the measured office through the API (the loaded cases
     * assign some to that name) and signs in as them, choosing a new password if the first
     * sign-in must.
     */
    private String attorneyToken(KarafServer server, String adminToken) throws Exception {
        CaseworkApi api = new CaseworkApi(server.baseUrl());
        String password = ServerReady.randomPassword();
        HttpResponse<String> created = api.post(CaseworkApi.API + "/users", adminToken, json.writeValueAsString(
                Map.of("username", USER, "fullName", "Bench Attorney", "email", USER + "@casework.invalid", "roles",
                        List.of("attorney"), "divisions", List.of(LitigationLoader.OFFICE), "password", password)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating " + USER + " answered " + created.statusCode() + " "
                    + ServerReady.abbreviate(created.body()));
        }
        String token = api.token(USER, password).token();
        HttpResponse<String> probe = api.get(CALENDAR, token);
        if (probe.statusCode() == 403 && api.problemType(probe).endsWith("password-change-required")) {
            String next = ServerReady.randomPassword();
            HttpResponse<String> changed = api.changePassword(token, password, next);
            if (changed.statusCode() / 100 != 2) {
                throw new IllegalStateException("Changing " + USER + "'s password answered " + changed.statusCode());
            }
            token = api.token(USER, next).token();
        }
        if (token == null) {
            throw new IllegalStateException(USER + " could not sign in");
        }
        return token;
    }

    /** What the answers held: entries listed and the totals, to show the lists were not empty. */
    private static final class Stats {
        private final AtomicLong answers = new AtomicLong();
        private final AtomicLong items = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong capped = new AtomicLong();

        String note() {
            long n = Math.max(1, answers.get());
            return String.format(Locale.ROOT, "%.1f entries per page, total %.0f on average, %d%% capped",
                    items.get() / (double) n, total.get() / (double) n, Math.round(100.0 * capped.get() / n));
        }
    }

    private LoadRunner.Measurement list(KarafServer server, String token, int clients, int requests,
            java.util.function.IntFunction<String> path, Stats stats) throws InterruptedException {
        return LoadRunner.run(clients, requests, () -> {
            CaseworkApi api = new CaseworkApi(server.baseUrl());
            return index -> {
                HttpResponse<String> r = api.get(path.apply(index), token);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + ServerReady.abbreviate(r.body()));
                }
                JsonNode page = json.readTree(r.body());
                stats.answers.incrementAndGet();
                stats.items.addAndGet(page.path("items").size());
                stats.total.addAndGet(page.path("total").asLong());
                if (page.path("totalCapped").asBoolean()) {
                    stats.capped.incrementAndGet();
                }
            };
        });
    }

    private ServerReady.Ready start(String db, KarafServer server, String password) throws Exception {
        say(db, "starting Karaf in " + server.home());
        long t0 = System.nanoTime();
        server.start(password);
        cleanup.add("stop Karaf in " + server.home(), () -> {
            if (server.isAlive()) {
                server.stop(STOP_GRACE);
            }
        });
        try {
            ServerReady.Ready ready = ServerReady.await(server, password, options.server().bootTimeout(),
                    "immigration-case");
            say(db, String.format("Karaf ready in %.1f s at %s", (System.nanoTime() - t0) / 1e9, server.baseUrl()));
            return ready;
        } catch (Exception e) {
            System.out.println(server.logTail(60));
            throw e;
        }
    }

    private static String counts(Connection c, LocalDate today) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String q : List.of("cw_case", "cw_case_value", "lit_case", "lit_hearing", "lit_due_date",
                    "lit_hearing WHERE division = '" + LitigationLoader.OFFICE + "' AND case_open = TRUE "
                            + "AND hearing_date >= DATE('" + today + "') AND hearing_date <= DATE('"
                            + today.plusYears(1) + "')")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + q)) {
                    rs.next();
                    String label = q.contains(" ") ? "upcoming hearings of the office" : q;
                    sb.append(sb.length() == 0 ? "" : ", ").append(label).append(' ')
                            .append(String.format("%,d", rs.getLong(1)));
                }
            }
        }
        return sb.toString();
    }

    private static void report(String db, String what, LoadRunner.Measurement m) {
        say(db, String.format(Locale.ROOT, "%s: %d in %.2f s = %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                + "failures %d%s", what, m.operations(), m.seconds(), m.perSecond(), m.percentileMillis(50),
                m.percentileMillis(95), m.percentileMillis(99), m.failures(),
                m.sampleFailures().isEmpty() ? "" : " " + m.sampleFailures()));
    }

    private void printTable() {
        System.out.println();
        System.out.println("| database   | cases  | load s | list              | clients |     n |  per s | p50 ms "
                + "| p95 ms | p99 ms | failures | load avg before → after | answers |");
        System.out.println("|------------|-------:|-------:|-------------------|--------:|------:|-------:|-------:"
                + "|-------:|-------:|---------:|-------------------------|---------|");
        for (Row r : rows) {
            LoadRunner.Measurement m = r.m();
            System.out.println(String.format(Locale.ROOT, "| %-10s | %6d | %6.0f | %-17s | %7d | %5d | %6.1f | %6.1f "
                    + "| %6.1f | %6.1f | %8d | %s → %s | %s |", r.database(), r.cases(), r.loadSeconds(), r.list(),
                    r.clients(), m.operations(), m.perSecond(), m.percentileMillis(50), m.percentileMillis(95),
                    m.percentileMillis(99), m.failures(), r.loadBefore(), r.loadAfter(), r.note()));
        }
        System.out.println();
        System.out.println("bench: load average at the end " + ComplaintBenchmark.loadAverage() + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs); goal p99 <= 100 ms");
        problems.forEach(p -> System.out.println("bench: FAILED " + p));
    }

    private static void say(String db, String message) {
        System.out.println("bench: [" + db + "] " + message);
    }
}
