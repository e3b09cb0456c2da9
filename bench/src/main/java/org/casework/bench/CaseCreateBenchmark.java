package org.casework.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how fast Casework creates cases through its REST API, next to a raw JDBC baseline
 * writing the same rows, on embedded Derby and on PostgreSQL. See docs/benchmarks.md.
 *
 * <pre>
 * usage: CaseCreateBenchmark [N] [--clients=16] [--warmup=200] [--databases=derby,postgresql]
 *        [--assembly=karaf-assembly/target/assembly] [--pg=127.0.0.1:5432] [--pg-user=postgres]
 *        [--boot-timeout=300] [--ds=key=value ...] [--audit=on,off]
 * </pre>
 * {@code --ds} sets a property in the copy's {@code etc/org.ops4j.datasource-casework.cfg}, for
 * trying pool settings such as {@code --ds=pool.maxPoolSize=20}. {@code --audit=on,off} repeats the REST
 * runs with the audit trail switched off, to show what auditing costs.
 */
public final class CaseCreateBenchmark {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /** The command line. */
    record Options(int cases, int clients, int warmup, List<String> databases, Path assembly,
            BenchDatabases.Postgres postgres, Duration bootTimeout, Map<String, String> datasource,
            boolean withoutAudit) {

        static Options parse(String[] args) {
            int cases = 2000;
            int clients = 16;
            int warmup = 200;
            ServerOptions server = new ServerOptions();
            Map<String, String> datasource = new LinkedHashMap<>();
            boolean withoutAudit = false;
            for (String a : args) {
                if (a.isBlank()) {
                    continue;
                }
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
                if (a.matches("\\d+")) {
                    cases = Integer.parseInt(a);
                } else if (a.startsWith("--clients=")) {
                    clients = Integer.parseInt(value);
                } else if (a.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (server.accept(a)) {
                    continue;
                } else if (a.startsWith("--audit=")) {
                    List<String> modes = List.of(value.toLowerCase(Locale.ROOT).split(","));
                    if (!modes.contains("on") || !modes.stream().allMatch(m -> m.equals("on") || m.equals("off"))) {
                        throw new IllegalArgumentException("--audit takes on or on,off (auditing is always measured)");
                    }
                    withoutAudit = modes.contains("off");
                } else if (a.startsWith("--ds=") && value.indexOf('=') > 0) {
                    datasource.put(value.substring(0, value.indexOf('=')).strip(),
                            value.substring(value.indexOf('=') + 1).strip());
                } else {
                    throw new IllegalArgumentException("Unknown argument: " + a);
                }
            }
            if (cases < 1 || clients < 1 || warmup < 0) {
                throw new IllegalArgumentException("cases and clients must be positive, warmup not negative");
            }
            return new Options(cases, clients, warmup, server.databases(), server.assembly(), server.postgres(),
                    server.bootTimeout(), Map.copyOf(datasource), withoutAudit);
        }
    }

    /** One line of the result table. */
    record Row(String database, int clients, int cases, LoadRunner.Measurement rest, LoadRunner.Measurement jdbc,
            LoadRunner.Measurement restWithoutAudit) {
    }

    private final Options options;
    private final Cleanup cleanup = new Cleanup();
    private final List<CongressSamples.Sample> warmupSamples;
    private final List<CongressSamples.Sample> samples;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int failures;

    private CaseCreateBenchmark(Options options) {
        this.options = options;
        CongressSamples generator = new CongressSamples(20_240_601L);
        this.warmupSamples = generator.next(options.warmup());
        this.samples = generator.next(options.cases());
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("bench: " + e.getMessage());
            System.out.println("usage: run-case-create.sh [N] [--clients=16] [--warmup=200] "
                    + "[--databases=derby,postgresql] [--audit=on,off] [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300] "
                    + "[--ds=key=value ...]");
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(options.assembly().resolve("bin/karaf"))) {
            System.out.println("bench: no built distribution at " + options.assembly()
                    + " (build it with: mvn -B -DskipTests install)");
            System.exit(2);
            return;
        }
        CaseCreateBenchmark bench = new CaseCreateBenchmark(options);
        int code;
        try {
            code = bench.runAll();
        } finally {
            bench.cleanup.runAll();
        }
        System.exit(code);
    }

    private int runAll() {
        System.out.printf("bench: %d cases per run after a warm-up of %d, 1 and %d clients; Java %s, %d CPUs, "
                + "load average %s%n", options.cases(), options.warmup(), options.clients(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        for (String db : options.databases()) {
            int mark = cleanup.mark();
            try {
                if (db.equals("derby")) {
                    runDerby();
                } else {
                    runPostgres();
                }
            } catch (Exception e) {
                failures++;
                problems.add(db + ": " + e);
                System.out.println("bench: " + db + " run failed: " + e);
                if (!(e instanceof IllegalStateException)) {
                    e.printStackTrace(System.out); // unexpected: show where
                }
            } finally {
                cleanup.runDownTo(mark);
            }
        }
        printTable();
        return failures == 0 && problems.isEmpty() ? 0 : 1;
    }

    // ---- one database ---------------------------------------------------------------------------

    private void runDerby() throws Exception {
        KarafServer server = prepare("derby");
        BenchDatabases.Derby derby = new BenchDatabases.Derby(derbyDirectory(server));
        ServerReady.Ready ready = start("derby", server);
        LoadRunner.Measurement[] rest = restRuns("derby", server, ready.token());
        LoadRunner.Measurement[] withoutAudit = withoutAudit("derby", server, ready);
        // Karaf holds the embedded database: stop it, then open the same files here
        say("derby", "stopping Karaf to open its database directly");
        server.stop(STOP_GRACE);
        System.setProperty("derby.stream.error.file", server.home().resolve("bench-derby.log").toString());
        cleanup.add("shut down Derby", derby::shutdown);
        try (Connection c = derby.connect()) {
            checkEngineRows("derby", c);
        }
        jdbcRuns("derby", JdbcBaseline.derby(derby::connect), rest, withoutAudit);
    }

    private void runPostgres() throws Exception {
        BenchDatabases.Postgres pg = options.postgres();
        String database = pg.createDatabase();
        cleanup.add("drop database " + database, () -> pg.dropDatabase(database));
        say("postgresql", "created database " + database);
        KarafServer server = prepare("postgresql");
        server.usePostgresql(pg, database);
        ServerReady.Ready ready = start("postgresql", server);
        LoadRunner.Measurement[] rest = restRuns("postgresql", server, ready.token());
        LoadRunner.Measurement[] withoutAudit = withoutAudit("postgresql", server, ready);
        try (Connection c = pg.connect(database)) {
            checkEngineRows("postgresql", c);
        }
        // Karaf keeps running (idle) and keeps its connections, as in production
        jdbcRuns("postgresql", JdbcBaseline.postgresql(() -> pg.connect(database)), rest, withoutAudit);
        server.stop(STOP_GRACE);
    }

    private KarafServer prepare(String db) throws IOException {
        say(db, "copying the distribution");
        KarafServer server = KarafServer.copyOf(options.assembly(), db);
        cleanup.add("delete " + server.home(), server::deleteCopy);
        if (!options.datasource().isEmpty()) {
            CfgFile cfg = CfgFile.open(server.datasourceCfg());
            options.datasource().forEach(cfg::set);
            cfg.save();
            say(db, "datasource settings " + options.datasource());
        }
        return server;
    }

    /**
     * With {@code --audit=on,off}: restarts the server with the audit trail switched off
     * ({@code benchmarkWithoutAudit}) and repeats the REST runs; otherwise null.
     */
    private LoadRunner.Measurement[] withoutAudit(String db, KarafServer server, ServerReady.Ready ready)
            throws Exception {
        if (!options.withoutAudit()) {
            return null;
        }
        say(db, "restarting Karaf with auditing switched off (benchmarkWithoutAudit=true)");
        server.stop(STOP_GRACE);
        Path cfg = server.home().resolve("etc/org.casework.audit.log.cfg");
        Files.writeString(cfg, "# written by the benchmark: measure what auditing costs\nbenchmarkWithoutAudit = true\n");
        ServerReady.Ready again = start(db, server, ready.password());
        LoadRunner.Measurement[] measured = restRuns(db + ", audit off", server, again.token());
        Files.delete(cfg);
        return measured;
    }

    /** Starts Karaf and waits until the API serves the example case type. */
    private ServerReady.Ready start(String db, KarafServer server) throws Exception {
        return start(db, server, ServerReady.randomPassword());
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
            ServerReady.Ready ready = ServerReady.await(server, password, options.bootTimeout());
            say(db, String.format("Karaf ready in %.1f s at %s",
                    (System.nanoTime() - t0) / 1e9, server.baseUrl()));
            return ready;
        } catch (Exception e) {
            System.out.println(server.logTail(60));
            throw e;
        }
    }

    private LoadRunner.Measurement[] restRuns(String db, KarafServer server, String token) throws Exception {
        if (!warmupSamples.isEmpty()) {
            say(db, "REST warm-up: " + warmupSamples.size() + " creates on " + options.clients() + " clients");
            report(db, "REST warm-up", restCreate(server, token, options.clients(), warmupSamples));
        }
        LoadRunner.Measurement one = restCreate(server, token, 1, samples);
        report(db, "REST, 1 client", one);
        LoadRunner.Measurement many = restCreate(server, token, options.clients(), samples);
        report(db, "REST, " + options.clients() + " clients", many);
        if (one.failures() + many.failures() > 0) {
            System.out.println(server.logTail(40)); // the copy is deleted at the end
        }
        return new LoadRunner.Measurement[] {one, many};
    }

    private void jdbcRuns(String db, JdbcBaseline baseline, LoadRunner.Measurement[] rest,
            LoadRunner.Measurement[] withoutAudit) throws Exception {
        if (!warmupSamples.isEmpty()) {
            say(db, "JDBC warm-up: " + warmupSamples.size() + " cases on " + options.clients() + " threads");
            report(db, "JDBC warm-up", baseline.insert(options.clients(), warmupSamples));
        }
        LoadRunner.Measurement one = baseline.insert(1, samples);
        report(db, "JDBC, 1 thread", one);
        LoadRunner.Measurement many = baseline.insert(options.clients(), samples);
        report(db, "JDBC, " + options.clients() + " threads", many);
        rows.add(new Row(db, 1, samples.size(), rest[0], one, withoutAudit == null ? null : withoutAudit[0]));
        rows.add(new Row(db, options.clients(), samples.size(), rest[1], many,
                withoutAudit == null ? null : withoutAudit[1]));
    }

    private static LoadRunner.Measurement restCreate(KarafServer server, String token, int clients,
            List<CongressSamples.Sample> bodies) throws InterruptedException {
        String path = CaseworkApi.API + "/cases/" + CongressSamples.TYPE;
        return LoadRunner.run(clients, bodies.size(), () -> {
            CaseworkApi api = new CaseworkApi(server.baseUrl());
            return index -> {
                HttpResponse<String> r = api.post(path, token, bodies.get(index).requestJson());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + ServerReady.abbreviate(r.body()));
                }
            };
        });
    }

    /**
     * Compares what the engine wrote with what the baseline will write per case, so that the
     * baseline stays honest if the engine changes.
     */
    private void checkEngineRows(String db, Connection c) throws SQLException {
        long[] counts = JdbcBaseline.countRows(c);
        int runs = options.withoutAudit() ? 2 : 1;
        long cases = runs * (warmupSamples.size() + 2L * samples.size());
        long values = runs * (warmupSamples.stream().mapToLong(s -> s.values().size()).sum()
                + 2 * samples.stream().mapToLong(s -> s.values().size()).sum());
        say(db, String.format("engine wrote %d cases, %d indexed values, %d history rows "
                + "(%.2f values per case; the baseline writes %.2f and 1 history row)",
                counts[0], counts[1], counts[2], counts[1] / (double) Math.max(1, counts[0]),
                values / (double) cases));
        if (counts[0] == cases && (counts[1] != values || counts[2] != cases)) {
            java.util.Map<String, Long> expected = new java.util.TreeMap<>();
            for (List<CongressSamples.Sample> set : runs == 2
                    ? List.of(warmupSamples, samples, samples, warmupSamples, samples, samples)
                    : List.of(warmupSamples, samples, samples)) {
                set.forEach(s -> s.values().forEach(v -> expected.merge(v.field(), 1L, Long::sum)));
            }
            System.out.println("bench: WARNING the baseline does not write the same rows as the engine "
                    + "(update JdbcBaseline/CongressSamples): values per field written by the engine "
                    + JdbcBaseline.countValuesByField(c) + ", by the baseline " + expected
                    + "; history rows " + counts[2] + " vs " + cases);
        }
    }

    private void report(String db, String what, LoadRunner.Measurement m) {
        failures += m.failures();
        say(db, String.format("%-20s %6d in %7.2f s = %8.1f/s  p50 %7.2f ms  p95 %7.2f ms  failures %d",
                what, m.operations(), m.seconds(), m.perSecond(), m.percentileMillis(50), m.percentileMillis(95),
                m.failures()));
        for (String f : m.sampleFailures()) {
            say(db, "  failure: " + f);
        }
        if (m.failures() > 0) {
            problems.add(db + " " + what + ": " + m.failures() + " failed");
        }
    }

    // ---- output ---------------------------------------------------------------------------------

    private void printTable() {
        String[] head = {"database", "clients", "cases", "REST s", "REST cases/s", "REST p50 ms", "REST p95 ms",
            "JDBC s", "JDBC cases/s", "REST/JDBC", "no-audit cases/s", "audit cost", "failures"};
        List<String[]> lines = new ArrayList<>();
        for (Row r : rows) {
            LoadRunner.Measurement off = r.restWithoutAudit();
            lines.add(new String[] {r.database(), Integer.toString(r.clients()), Integer.toString(r.cases()),
                f2(r.rest().seconds()), f1(r.rest().perSecond()), f2(r.rest().percentileMillis(50)),
                f2(r.rest().percentileMillis(95)), f2(r.jdbc().seconds()), f1(r.jdbc().perSecond()),
                f2(r.rest().perSecond() / r.jdbc().perSecond()),
                off == null ? "-" : f1(off.perSecond()),
                off == null ? "-" : f1(100 * (1 - r.rest().perSecond() / off.perSecond())) + "%",
                Integer.toString(r.rest().failures() + r.jdbc().failures() + (off == null ? 0 : off.failures()))});
        }
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] l : lines) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        System.out.println();
        System.out.println("Case creation through POST /api/v1/cases/congress vs. the same rows by raw JDBC");
        System.out.println(line(head, width));
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < head.length; i++) {
            // Markdown: the first column left-aligned, the figures right-aligned
            rule.append(i == 0 ? "-".repeat(width[i] + 2) : "-".repeat(width[i] + 1) + ":").append('|');
        }
        System.out.println(rule);
        for (String[] l : lines) {
            System.out.println(line(l, width));
        }
        System.out.println();
        System.out.println("Load average at the end: " + loadAverage()
                + " (other work on the machine skews the figures; compare runs on a quiet machine)");
        System.out.println(problems.isEmpty() ? "No failures."
                : "FAILED: " + String.join("; ", problems));
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(' ').append(i == 0 ? cells[i] + pad : pad + cells[i]).append(" |");
        }
        return sb.toString();
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The Derby folder named in the copy's datasource configuration. */
    static Path derbyDirectory(KarafServer server) {
        CfgFile cfg = CfgFile.open(server.datasourceCfg());
        String name = cfg.get("databaseName").orElseGet(() -> cfg.get("url")
                .map(u -> u.replaceFirst("^jdbc:derby:", "").replaceFirst(";.*$", ""))
                .orElseThrow(() -> new IllegalStateException("No Derby database named in " + server.datasourceCfg())));
        Path home = server.home();
        String resolved = name.replace("${karaf.data}", home.resolve("data").toString())
                .replace("${karaf.home}", home.toString())
                .replace("${karaf.base}", home.toString())
                .replace("${karaf.etc}", home.resolve("etc").toString());
        Path p = Path.of(resolved);
        return p.isAbsolute() ? p : home.resolve(p);
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    private static void say(String db, String message) {
        System.out.println("bench: [" + db + "] " + message);
    }
}
