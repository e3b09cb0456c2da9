package org.casework.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crash test of issue 3: kills the Karaf JVM with SIGKILL in the middle of a write load of many
 * clients, restarts it on the same database, and checks that every write the API acknowledged
 * (201) is there with its audit entry, and that the audit chain verifies. Repeated for a number of
 * rounds on embedded Derby and on PostgreSQL.
 *
 * <pre>
 * usage: CrashRecovery [--rounds=3] [--clients=16] [--load-seconds=6] [--databases=derby,postgresql]
 *        [--assembly=karaf-assembly/target/assembly] [--pg=127.0.0.1:5432] [--pg-user=postgres]
 *        [--boot-timeout=300] [--seed=N]
 * </pre>
 * Exits 0 when nothing acknowledged was lost, 1 otherwise, 2 on a bad command line.
 */
public final class CrashRecovery {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration CHAIN_WAIT = Duration.ofSeconds(90);

    record Options(int rounds, int clients, int loadSeconds, List<String> databases, Path assembly,
            BenchDatabases.Postgres postgres, Duration bootTimeout, long seed) {

        static Options parse(String[] args) {
            int rounds = 3;
            int clients = 16;
            int loadSeconds = 6;
            ServerOptions server = new ServerOptions();
            long seed = System.nanoTime();
            for (String a : args) {
                if (a.isBlank()) {
                    continue;
                }
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
                if (a.startsWith("--rounds=")) {
                    rounds = Integer.parseInt(value);
                } else if (a.startsWith("--clients=")) {
                    clients = Integer.parseInt(value);
                } else if (a.startsWith("--load-seconds=")) {
                    loadSeconds = Integer.parseInt(value);
                } else if (server.accept(a)) {
                    continue;
                } else if (a.startsWith("--seed=")) {
                    seed = Long.parseLong(value);
                } else {
                    throw new IllegalArgumentException("Unknown argument: " + a);
                }
            }
            if (rounds < 1 || clients < 1 || loadSeconds < 1) {
                throw new IllegalArgumentException("rounds, clients and load seconds must be positive");
            }
            return new Options(rounds, clients, loadSeconds, server.databases(), server.assembly(),
                    server.postgres(), server.bootTimeout(), seed);
        }
    }

    /** What one database's rounds showed. */
    record Result(String database, int rounds, int acknowledged, int checked, int missingCases,
            int missingAudit, int failedWrites, String chain) {

        boolean passed() {
            return rounds > 0 && missingCases == 0 && missingAudit == 0 && chain.startsWith("intact");
        }
    }

    private final Options options;
    private final Cleanup cleanup = new Cleanup();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final List<CongressSamples.Sample> samples;

    private CrashRecovery(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.samples = new CongressSamples(options.seed()).next(2_000);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("crash: " + e.getMessage());
            System.out.println("usage: run-crash-recovery.sh [--rounds=3] [--clients=16] [--load-seconds=6] "
                    + "[--databases=derby,postgresql] [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300] "
                    + "[--seed=N]");
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(options.assembly().resolve("bin/karaf"))) {
            System.out.println("crash: no built distribution at " + options.assembly()
                    + " (build it with: mvn -B -DskipTests install)");
            System.exit(2);
            return;
        }
        CrashRecovery test = new CrashRecovery(options);
        List<Result> results = new ArrayList<>();
        try {
            for (String db : options.databases()) {
                int mark = test.cleanup.mark();
                try {
                    results.add(test.run(db));
                } catch (Exception e) {
                    System.out.println("crash: [" + db + "] failed: " + e);
                    results.add(new Result(db, 0, 0, 0, 0, 0, 0, "not reached: " + e.getMessage()));
                } finally {
                    test.cleanup.runDownTo(mark);
                }
            }
        } finally {
            test.cleanup.runAll();
        }
        System.out.println();
        System.out.println("Crash recovery: kill -9 during " + options.clients() + "-client writes (seed "
                + options.seed() + ")");
        System.out.println("| database | rounds | writes acknowledged | writes checked | missing cases "
                + "| missing audit entries | refused/failed writes | audit chain |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        boolean ok = true;
        for (Result r : results) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %s |%n", r.database(), r.rounds(), r.acknowledged(),
                    r.checked(), r.missingCases(), r.missingAudit(), r.failedWrites(), r.chain());
            ok &= r.passed();
        }
        System.out.println(ok ? "PASSED: every acknowledged write survived with its audit entry."
                : "FAILED: acknowledged writes were lost, or the audit chain is broken.");
        System.exit(ok ? 0 : 1);
    }

    private Result run(String db) throws Exception {
        KarafServer server = KarafServer.copyOf(options.assembly(), "crash-" + db);
        cleanup.add("delete " + server.home(), server::deleteCopy);
        if (db.equals("postgresql")) {
            BenchDatabases.Postgres pg = options.postgres();
            String database = pg.createDatabase();
            cleanup.add("drop database " + database, () -> pg.dropDatabase(database));
            server.usePostgresql(pg, database);
        }
        ServerReady.Ready ready = start(db, server, ServerReady.randomPassword());
        int acknowledged = 0;
        int checked = 0;
        int missingCases = 0;
        int missingAudit = 0;
        int failed = 0;
        for (int round = 1; round <= options.rounds(); round++) {
            Queue<Long> acked = new ConcurrentLinkedQueue<>();
            AtomicInteger refused = new AtomicInteger();
            long killAfter = (long) (options.loadSeconds() * 1000 * (0.5 + random.nextDouble() / 2));
            List<Thread> clients = load(server, ready.token(), acked, refused);
            Thread.sleep(killAfter);
            server.kill();
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(120).toMillis());
            }
            say(db, String.format("round %d: killed Karaf after %.1f s; %d writes acknowledged, %d refused or cut off",
                    round, killAfter / 1000.0, acked.size(), refused.get()));
            ready = start(db, server, ready.password());
            CaseworkApi api = new CaseworkApi(server.baseUrl());
            for (long id : acked) {
                HttpResponse<String> c = api.get(CaseworkApi.API + "/cases/" + CongressSamples.TYPE + "/" + id,
                        ready.token());
                if (c.statusCode() != 200) {
                    missingCases++;
                    say(db, "LOST: case " + id + " answered " + c.statusCode());
                }
                HttpResponse<String> a = api.get(CaseworkApi.API + "/audit?recordType=" + CongressSamples.TYPE
                        + "&recordId=" + id + "&action=create&size=1", ready.token());
                if (a.statusCode() != 200 || json.readTree(a.body()).path("total").asLong() < 1) {
                    missingAudit++;
                    say(db, "LOST: the audit entry of case " + id + " (" + a.statusCode() + ")");
                }
                checked++;
            }
            acknowledged += acked.size();
            failed += refused.get();
        }
        String chain = awaitChain(db, server, ready.token());
        server.stop(STOP_GRACE);
        return new Result(db, options.rounds(), acknowledged, checked, missingCases, missingAudit, failed, chain);
    }

    /** Starts the write load: each client posts cases until its connection is cut. */
    private List<Thread> load(KarafServer server, String token, Queue<Long> acked, AtomicInteger refused) {
        AtomicBoolean cut = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        String path = CaseworkApi.API + "/cases/" + CongressSamples.TYPE;
        for (int i = 0; i < options.clients(); i++) {
            Thread t = new Thread(() -> {
                CaseworkApi api = new CaseworkApi(server.baseUrl());
                while (!cut.get()) {
                    String body = samples.get(Math.floorMod(next.getAndIncrement(), samples.size())).requestJson();
                    try {
                        HttpResponse<String> r = api.post(path, token, body);
                        if (r.statusCode() == 201) {
                            acked.add(json.readTree(r.body()).path("id").asLong());
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the server is gone: whatever was in flight was never acknowledged
                        refused.incrementAndGet();
                        cut.set(true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "crash-client-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** Waits until the chainer has linked what survived, and returns what verification says. */
    private String awaitChain(String db, KarafServer server, String token) throws Exception {
        CaseworkApi api = new CaseworkApi(server.baseUrl());
        long deadline = System.nanoTime() + CHAIN_WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = api.get(CaseworkApi.API + "/audit/verify", token);
            if (r.statusCode() == 200) {
                last = json.readTree(r.body());
                if (last.path("intact").asBoolean()) {
                    String s = "intact (" + last.path("entries").asLong() + " entries)";
                    say(db, "audit chain " + s);
                    return s;
                }
            }
            if (server.exitedWithin(Duration.ofSeconds(1))) {
                return "BROKEN: Karaf exited while the chain was being verified";
            }
        }
        return "BROKEN: " + (last == null ? "no answer" : last.toString());
    }

    private ServerReady.Ready start(String db, KarafServer server, String password) throws Exception {
        long t0 = System.nanoTime();
        server.start(password);
        cleanup.add("stop Karaf in " + server.home(), () -> {
            if (server.isAlive()) {
                server.stop(STOP_GRACE);
            }
        });
        try {
            ServerReady.Ready ready = ServerReady.await(server, password, options.bootTimeout());
            say(db, String.format("Karaf ready in %.1f s", (System.nanoTime() - t0) / 1e9));
            return ready;
        } catch (Exception e) {
            System.out.println(server.logTail(60));
            throw e;
        }
    }

    private static void say(String db, String message) {
        System.out.println("crash: [" + db + "] " + message);
    }
}
