package org.casework.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.casework.security.impl.internal.password.PasswordHasher;

/**
 * The complaints benchmark of issue 4: on a database holding N generated complaints (bulk-loaded
 * by {@link ComplaintLoader}), how many complaints per second staff intake takes through
 * {@code POST /api/v1/complaints} (triage on: consent, jurisdiction and emergency checks and the
 * prior-complaint lookup run on every intake) with 16 clients, and how long the prior-complaint
 * lookup {@code GET /api/v1/complaints/{id}/prior} takes. See docs/benchmarks.md.
 */
public final class ComplaintBenchmark {

    private static final Duration STOP_GRACE = Duration.ofSeconds(120);
    static final long SEED = 20_261_201L;

    /** The command line. */
    record Options(int complaints, int clients, int intake, int warmup, int lookups, List<Integer> lookupClients,
            int loadThreads, boolean keep, String reuse, java.util.Map<String, String> datasource,
            java.util.Map<String, String> complaintsCfg, ServerOptions server) {

        static Options parse(String[] args) {
            int complaints = 20_000;
            int clients = 16;
            int intake = 2000;
            int warmup = 200;
            int lookups = 2000;
            List<Integer> lookupClients = List.of(1, 16);
            int loadThreads = 3;
            boolean keep = false;
            String reuse = null;
            java.util.Map<String, String> datasource = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> complaintsCfg = new java.util.LinkedHashMap<>();
            ServerOptions server = new ServerOptions();
            for (String a : args) {
                if (a.isBlank()) {
                    continue;
                }
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
                if (a.matches("\\d+")) {
                    complaints = Integer.parseInt(a);
                } else if (a.startsWith("--clients=")) {
                    clients = Integer.parseInt(value);
                } else if (a.startsWith("--intake=")) {
                    intake = Integer.parseInt(value);
                } else if (a.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (a.startsWith("--lookups=")) {
                    lookups = Integer.parseInt(value);
                } else if (a.startsWith("--lookup-clients=")) {
                    lookupClients = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                } else if (a.startsWith("--load-threads=")) {
                    loadThreads = Integer.parseInt(value);
                } else if (a.startsWith("--ds=") && value.indexOf('=') > 0) {
                    datasource.put(value.substring(0, value.indexOf('=')).strip(),
                            value.substring(value.indexOf('=') + 1).strip());
                } else if (a.startsWith("--complaints-cfg=") && value.indexOf('=') > 0) {
                    // e.g. the triage settings (triageCandidates, triageNewestPerKey) the lookup is measured with
                    complaintsCfg.put(value.substring(0, value.indexOf('=')).strip(),
                            value.substring(value.indexOf('=') + 1).strip());
                } else if (a.equals("--keep")) {
                    keep = true;
                } else if (a.startsWith("--reuse=")) {
                    reuse = value;
                } else if (!server.accept(a)) {
                    throw new IllegalArgumentException("Unknown argument: " + a);
                }
            }
            if (complaints < 1 || clients < 1 || intake < 1 || warmup < 0 || lookups < 1 || loadThreads < 1
                    || lookupClients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("counts must be positive (warm-up may be 0)");
            }
            if (reuse != null && !server.databases().equals(List.of("postgresql"))) {
                throw new IllegalArgumentException("--reuse needs --databases=postgresql");
            }
            if (reuse != null && !reuse.matches(BenchDatabases.Postgres.BENCH_DATABASE)) {
                throw new IllegalArgumentException("--reuse takes a database a run kept (casework_bench_...), not "
                        + reuse);
            }
            return new Options(complaints, clients, intake, warmup, lookups, lookupClients, loadThreads, keep,
                    reuse, java.util.Map.copyOf(datasource), java.util.Map.copyOf(complaintsCfg), server);
        }
    }

    /** One line of the result table. */
    record Row(String database, int complaints, double loadSeconds, String what, int clients, LoadRunner.Measurement m,
            String note, String loadBefore, String loadAfter) {
    }

    private final Options options;
    private final Cleanup cleanup = new Cleanup();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private ComplaintBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("bench: " + e.getMessage());
            System.out.println("usage: run-complaints.sh [N] [--clients=16] [--intake=2000] [--warmup=200] "
                    + "[--lookups=2000] [--lookup-clients=1,16] [--load-threads=3] [--databases=derby,postgresql] "
                    + "[--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300] [--ds=key=value ...] [--complaints-cfg=key=value ...] [--keep] "
                    + "[--reuse=casework_bench_... (a database kept with --keep; needs --databases=postgresql)]");
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(options.server().assembly().resolve("bin/karaf"))) {
            System.out.println("bench: no built distribution at " + options.server().assembly());
            System.exit(2);
            return;
        }
        if (options.reuse() != null) {
            BenchDatabases.Postgres pg = options.server().postgres();
            String problem;
            try {
                problem = pg.exists(options.reuse()) ? null
                        : "no database " + options.reuse() + " on " + pg.host() + ":" + pg.port();
            } catch (SQLException e) {
                problem = "cannot look for database " + options.reuse() + ": " + e.getMessage();
            }
            if (problem != null) {
                System.out.println("bench: --reuse: " + problem);
                System.exit(2);
                return;
            }
        }
        ComplaintBenchmark bench = new ComplaintBenchmark(options);
        int code;
        try {
            code = bench.runAll();
        } finally {
            bench.cleanup.runAll();
        }
        System.exit(code);
    }

    private int runAll() {
        String data = options.reuse() == null ? String.format("%,d complaints loaded", options.complaints())
                : "reused database " + options.reuse() + ", not loaded";
        System.out.printf("bench: %s, then %d intakes on %d clients after a warm-up of %d, "
                + "%d lookups on %s client(s); Java %s, %d CPUs, load average %s%n", data, options.intake(),
                options.clients(), options.warmup(), options.lookups(), options.lookupClients(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
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
        server.bootFeature("casework-complaints");
        if (!options.datasource().isEmpty()) {
            CfgFile cfg = CfgFile.open(server.datasourceCfg());
            options.datasource().forEach(cfg::set);
            cfg.save();
            say(db, "datasource settings " + options.datasource());
        }
        if (!options.complaintsCfg().isEmpty()) {
            CfgFile cfg = CfgFile.open(server.home().resolve("etc/org.casework.complaints.cfg"));
            options.complaintsCfg().forEach(cfg::set);
            cfg.save();
            say(db, "complaints settings " + options.complaintsCfg());
        }
        BenchDatabases.Postgres pg = options.server().postgres();
        boolean reuse = options.reuse() != null;
        String password = ServerReady.randomPassword();
        String database = null;
        if (reuse) {
            // never dropped, --keep or not: it holds the load a rerun saves
            database = options.reuse();
            say(db, "reusing database " + database + "; it stays");
            try (Connection c = pg.connect(database)) {
                resetAdminPassword(c, password);
            }
            server.usePostgresql(pg, database);
        } else if (postgres) {
            database = pg.createDatabase();
            String name = database;
            if (options.keep()) {
                say(db, "--keep: database " + name + " stays (drop it with dropdb)");
            } else {
                cleanup.add("drop database " + name, () -> pg.dropDatabase(name));
            }
            say(db, "created database " + database);
            server.usePostgresql(pg, database);
        }
        ServerReady.Ready ready = start(db, server, password);

        List<Long> loadedIds;
        ComplaintSamples samples;
        double seconds;
        String note;
        if (reuse) {
            // Karaf has run any newer migrations of the kept database by now
            try (Connection c = pg.connect(database)) {
                say(db, "rows: " + counts(c));
                loadedIds = complaintIds(c);
            }
            if (loadedIds.isEmpty()) {
                throw new IllegalStateException("database " + database + " holds no complaints");
            }
            // the seed of a fresh load would file the previous run's intake again, each complaint a
            // prior of its twin: a seed per database size gives new complaints on every rerun (their
            // repeat detainees are among this run's own complaints, none of them loaded)
            samples = new ComplaintSamples(SEED + loadedIds.size(), 0.3);
            seconds = 0;
            note = "reused database " + database + ", not loaded; ";
            say(db, String.format("reused database %s, not loaded: %,d complaints", database, loadedIds.size()));
        } else {
            // the module's tables exist now (its migrations ran at boot): load the complaints
            List<ComplaintSamples> generators = new ArrayList<>();
            for (int i = 0; i < options.loadThreads(); i++) {
                generators.add(new ComplaintSamples(SEED + i, 0.3));
            }
            // new complaints continue the first generator: their repeat detainees were loaded
            samples = generators.get(0);
            ComplaintLoader loader;
            BenchDatabases.Derby derby = null;
            if (postgres) {
                String name = database;
                loader = new ComplaintLoader(() -> pg.connectForLoad(name), true);
            } else {
                say(db, "stopping Karaf to open its embedded database directly");
                server.stop(STOP_GRACE);
                System.setProperty("derby.stream.error.file", server.home().resolve("bench-derby.log").toString());
                // for the bulk load in this JVM only: a page cache of 160 MB instead of 4 MB, and no
                // log sync per commit (the database is shut down cleanly before Karaf opens it again)
                System.setProperty("derby.storage.pageCacheSize", "40000");
                System.setProperty("derby.system.durability", "test");
                derby = new BenchDatabases.Derby(CaseCreateBenchmark.derbyDirectory(server));
                cleanup.add("shut down Derby", derby::shutdown);
                loader = new ComplaintLoader(derby::connect, false);
            }
            String before = loadAverage();
            say(db, String.format("bulk-loading %,d complaints on %d threads (load average %s)",
                    options.complaints(), options.loadThreads(), before));
            seconds = loader.load(options.complaints(), generators, db);
            say(db, String.format("loaded %,d complaints in %.1f s (%.0f/s); updating statistics",
                    options.complaints(), seconds, options.complaints() / seconds));
            loader.analyze();
            try (Connection c = postgres ? pg.connect(database) : derby.connect()) {
                say(db, "rows: " + counts(c));
            }
            if (!postgres) {
                derby.shutdown();
                ready = start(db, server, ready.password());
            }
            loadedIds = new ArrayList<>(loader.loadedIds());
            Collections.sort(loadedIds);
            note = "";
        }
        int complaints = reuse ? loadedIds.size() : options.complaints();

        List<ComplaintSamples.Sample> warmup = new ArrayList<>();
        for (int i = 0; i < options.warmup(); i++) {
            warmup.add(samples.next(true));
        }
        List<ComplaintSamples.Sample> intake = new ArrayList<>();
        for (int i = 0; i < options.intake(); i++) {
            intake.add(samples.next(true));
        }
        // The warm-up and each timed phase look up complaints of their own: a timed lookup that
        // repeats one the server has just done finds its rows and names in every cache. Drawn in
        // this order, the first timed phase's ids are those of earlier versions of this benchmark.
        Random pick = new Random(SEED);
        List<Long> lookupIds = draw(pick, loadedIds, options.lookups());
        List<Long> warmupLookupIds = draw(pick, loadedIds, warmup.size());

        String token = ready.token();
        if (!warmup.isEmpty()) {
            say(db, "warm-up: " + warmup.size() + " intakes and " + warmup.size() + " lookups on " + options.clients()
                    + " clients");
            report(db, "warm-up intake", intake(server, token, options.clients(), warmup, new AtomicLong()));
            report(db, "warm-up lookups", lookup(server, token, options.clients(), warmupLookupIds,
                    new AtomicInteger(), new AtomicLong()));
        }
        settle(db, server);
        String l0 = loadAverage();
        AtomicLong priorsOnIntake = new AtomicLong();
        CpuMeter.Reading c0 = CpuMeter.read(server.handle());
        LoadRunner.Measurement in = intake(server, token, options.clients(), intake, priorsOnIntake);
        CpuMeter.PerOperation cpu = CpuMeter.per(c0, CpuMeter.read(server.handle()), intake.size());
        report(db, "intake, " + options.clients() + " clients", in);
        say(db, "intake " + cpu.describe() + String.format(Locale.ROOT,
                "; at %.2f CPU-ms per intake the %d CPUs give at most %.0f intakes/s",
                cpu.total(), Runtime.getRuntime().availableProcessors(),
                1000.0 * Runtime.getRuntime().availableProcessors() / cpu.total()));
        rows.add(new Row(db, complaints, seconds, "intake", options.clients(), in,
                note + String.format(Locale.ROOT, "%.2f prior matches per intake; CPU ms/op server %.1f, db %.1f, "
                        + "client %.1f", priorsOnIntake.get() / (double) intake.size(), cpu.server(), cpu.database(),
                        cpu.client()),
                l0, loadAverage()));
        boolean firstPhase = true;
        for (int clients : options.lookupClients()) {
            if (!firstPhase) {
                lookupIds = draw(pick, loadedIds, options.lookups());
            }
            firstPhase = false;
            settle(db, server);
            String l1 = loadAverage();
            AtomicInteger withPrior = new AtomicInteger();
            AtomicLong matches = new AtomicLong();
            CpuMeter.Reading r0 = CpuMeter.read(server.handle());
            LoadRunner.Measurement m = lookup(server, token, clients, lookupIds, withPrior, matches);
            CpuMeter.PerOperation lc = CpuMeter.per(r0, CpuMeter.read(server.handle()), lookupIds.size());
            report(db, "lookups, " + clients + " client(s)", m);
            say(db, "lookup " + lc.describe());
            rows.add(new Row(db, complaints, seconds, "lookup", clients, m,
                    note + String.format(Locale.ROOT, "%d%% with a prior, %.2f matches each; CPU ms/op server %.1f, "
                            + "db %.1f, client %.1f", Math.round(100.0 * withPrior.get() / lookupIds.size()),
                            matches.get() / (double) lookupIds.size(), lc.server(), lc.database(), lc.client()),
                    l1, loadAverage()));
        }
        if (rows.stream().anyMatch(r -> r.m().failures() > 0)) {
            System.out.println(server.logTail(40));
        }
        server.stop(STOP_GRACE);
    }

    /** Lets the server and database finish the previous phase's background work before timing. */
    private static void settle(String db, KarafServer server) throws InterruptedException {
        double waited = CpuMeter.settle(server.handle(), Duration.ofSeconds(300));
        say(db, String.format(Locale.ROOT, "server and database idle after %.0f s", waited));
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
                    ComplaintSamples.TYPE);
            say(db, String.format("Karaf ready in %.1f s at %s", (System.nanoTime() - t0) / 1e9, server.baseUrl()));
            return ready;
        } catch (Exception e) {
            System.out.println(server.logTail(60));
            throw e;
        }
    }

    private LoadRunner.Measurement intake(KarafServer server, String token, int clients,
            List<ComplaintSamples.Sample> bodies, AtomicLong priors) throws InterruptedException {
        String path = CaseworkApi.API + "/complaints";
        return LoadRunner.run(clients, bodies.size(), () -> {
            CaseworkApi api = new CaseworkApi(server.baseUrl());
            return index -> {
                HttpResponse<String> r = api.post(path, token, bodies.get(index).requestJson());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + ServerReady.abbreviate(r.body()));
                }
                JsonNode prior = json.readTree(r.body()).path("prior");
                priors.addAndGet(prior.size());
            };
        });
    }

    private LoadRunner.Measurement lookup(KarafServer server, String token, int clients, List<Long> ids,
            AtomicInteger withPrior, AtomicLong matches) throws InterruptedException {
        return LoadRunner.run(clients, ids.size(), () -> {
            CaseworkApi api = new CaseworkApi(server.baseUrl());
            return index -> {
                HttpResponse<String> r = api.get(CaseworkApi.API + "/complaints/" + ids.get(index) + "/prior", token);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + ServerReady.abbreviate(r.body()));
                }
                JsonNode answer = json.readTree(r.body());
                if (answer.size() > 0) {
                    withPrior.incrementAndGet();
                }
                matches.addAndGet(answer.size());
            };
        });
    }

    /** The ids of the complaints in a reused database, in order, as the loader's would be sorted. */
    private static List<Long> complaintIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT case_id FROM cmp_complaint ORDER BY case_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /**
     * Gives the kept database's administrator this run's password: the run that kept it chose a
     * random one and did not say it, and the server only takes {@code CASEWORK_ADMIN_PASSWORD}
     * for a database without accounts. Hashed by the server's own hasher; before Karaf starts.
     */
    private static void resetAdminPassword(Connection c, String password) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE cw_user SET password_hash = ?, "
                + "password_change_required = FALSE, failed_sign_ins = 0, locked_until = NULL WHERE username = ?")) {
            u.setString(1, new PasswordHasher().hash(password.toCharArray()));
            u.setString(2, ServerReady.ADMIN);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + ServerReady.ADMIN + " in the reused database");
            }
        }
    }

    private static String counts(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String t : List.of("cw_case", "cw_case_value", "cw_case_history", "cmp_complaint", "cmp_person_key")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    sb.append(sb.length() == 0 ? "" : ", ").append(t).append(' ')
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
        System.out.println("| database   | complaints | load s | measured | clients |     n |  per s | p50 ms | p95 ms "
                + "| p99 ms | failures | load avg before → after | note |");
        System.out.println("|------------|-----------:|-------:|----------|--------:|------:|-------:|-------:|-------:"
                + "|-------:|---------:|-------------------------|------|");
        for (Row r : rows) {
            LoadRunner.Measurement m = r.m();
            System.out.println(String.format(Locale.ROOT, "| %-10s | %10d | %6.0f | %-8s | %7d | %5d | %6.1f | %6.1f "
                    + "| %6.1f | %6.1f | %8d | %s → %s | %s |", r.database(), r.complaints(), r.loadSeconds(), r.what(),
                    r.clients(), m.operations(), m.perSecond(), m.percentileMillis(50), m.percentileMillis(95),
                    m.percentileMillis(99), m.failures(), r.loadBefore(), r.loadAfter(), r.note()));
        }
        System.out.println();
        System.out.println("bench: load average at the end " + loadAverage() + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        problems.forEach(p -> System.out.println("bench: FAILED " + p));
    }

    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    /** {@code n} ids drawn at random from {@code ids}. */
    private static List<Long> draw(Random pick, List<Long> ids, int n) {
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ids.get(pick.nextInt(ids.size())));
        }
        return out;
    }

    private static void say(String db, String message) {
        System.out.println("bench: [" + db + "] " + message);
    }
}
