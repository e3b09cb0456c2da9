package org.casework.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Casework server for one benchmark run: a private copy of the built distribution with its
 * own ports and database settings, started with {@code bin/karaf server} and stopped with
 * {@code bin/stop}.
 */
final class KarafServer {

    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-casework.cfg";
    /** What a start in place leaves in the distribution folder: never copied, every run starts clean. */
    private static final Set<String> RUNTIME_STATE = Set.of("data", "instances", "lock", "karaf.pid", "derby.log");

    /** Extra JVM options for every server this run starts ({@code --server-java-opts}); empty for none. */
    static volatile String serverJavaOpts = "";

    private final Path home;
    private final int httpPort;
    private Process process;

    private KarafServer(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /**
     * Copies the distribution to a new temporary folder and gives the copy free ports and the
     * example case type at boot. The caller deletes the copy with {@link #deleteCopy()}.
     */
    static KarafServer copyOf(Path assembly, String label) throws IOException {
        Path home = Files.createTempDirectory("casework-bench-" + label + "-");
        copyTree(assembly, home);
        KarafServer server = new KarafServer(home, freePort());
        server.configurePorts();
        server.bootExampleType();
        return server;
    }

    Path home() {
        return home;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path datasourceCfg() {
        return home.resolve(DATASOURCE_CFG);
    }

    /** Every port the distribution opens by default, moved to a free one (others may run Karaf). */
    private void configurePorts() throws IOException {
        CfgFile.open(home.resolve("etc/org.ops4j.pax.web.cfg"))
                .set("org.osgi.service.http.port", Integer.toString(httpPort)).save();
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        if (Files.exists(shell)) {
            CfgFile.open(shell).set("sshPort", Integer.toString(freePort())).save();
        }
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        if (Files.exists(management)) {
            CfgFile.open(management)
                    .set("rmiRegistryPort", Integer.toString(freePort()))
                    .set("rmiServerPort", Integer.toString(freePort()))
                    .save();
        }
    }

    /** The example case type is only in the system repository; boot it in this copy. */
    private void bootExampleType() {
        CfgFile.open(home.resolve("etc/org.apache.karaf.features.cfg"))
                .appendToList("featuresBoot", "casework-congress", List.of("casework-congress", "casework-all"))
                .save();
    }

    /** Adds a feature of the distribution's system repository to this copy's boot features. */
    void bootFeature(String feature) {
        CfgFile.open(home.resolve("etc/org.apache.karaf.features.cfg"))
                .appendToList("featuresBoot", feature, List.of(feature, "casework-all"))
                .save();
    }

    /** Starts {@code bin/karaf server}; its console output goes to {@code bench-karaf.out}. */
    void start(String adminPassword) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("bench-karaf.out").toFile());
        Map<String, String> env = pb.environment();
        // this copy, not whatever instance the caller's environment points at
        for (String k : List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC", "KARAF_LOG",
                "KARAF_OPTS", "EXTRA_JAVA_OPTS")) {
            env.remove(k);
        }
        env.put("CASEWORK_ADMIN_PASSWORD", adminPassword);
        if (!serverJavaOpts.isBlank()) {
            env.put("EXTRA_JAVA_OPTS", serverJavaOpts);
        }
        process = pb.start();
    }

    /** Waits up to {@code timeout} for the server process to exit; true if it has. */
    boolean exitedWithin(Duration timeout) throws InterruptedException {
        return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The started server process (the launcher script; the JVM is among its descendants). */
    ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException("The server was not started");
        }
        return process.toHandle();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the server with {@code bin/stop} and waits for its processes to exit; ends them
     * (SIGTERM, then SIGKILL) only if they outlive the grace period.
     */
    void stop(Duration grace) throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        if (process.isAlive()) {
            Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("bench-stop.out").toFile())
                    .start();
            if (!stop.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
        }
        if (!awaitExit(all, grace)) {
            System.out.println("bench: Karaf did not stop within " + grace.toSeconds() + " s; terminating it");
            all.forEach(ProcessHandle::destroy);
            if (!awaitExit(all, Duration.ofSeconds(20))) {
                all.forEach(ProcessHandle::destroyForcibly);
                awaitExit(all, Duration.ofSeconds(10));
            }
        }
        process = null;
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // the handle is gone: exited
            }
        }
        return true;
    }

    /**
     * Kills the server without warning, as a power cut would: SIGKILL to the Java process and the
     * script that started it, no shutdown hooks, nothing flushed. Waits until they are gone.
     */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(all, Duration.ofSeconds(30))) {
            throw new IllegalStateException("Karaf did not die within 30 s of SIGKILL");
        }
        process = null;
    }

    /** Points the copy's datasource at a PostgreSQL database instead of embedded Derby. */
    void usePostgresql(BenchDatabases.Postgres pg, String database) {
        CfgFile cfg = CfgFile.open(datasourceCfg());
        for (String key : List.of("osgi.jdbc.driver.name", "databaseName", "createDatabase", "url", "user",
                "password", "serverName", "portNumber")) {
            cfg.comment(key);
        }
        cfg.set("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver")
                .set("url", pg.url(database))
                .set("user", pg.user())
                .save();
    }

    /** The last lines of the console output and of {@code data/log/karaf.log}, for diagnosis. */
    String logTail(int lineCount) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("bench-karaf.out", "data/log/karaf.log")) {
            Path p = home.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                sb.append("---- ").append(f).append(" (last ").append(lineCount).append(" lines)\n");
                lines.subList(Math.max(0, lines.size() - lineCount), lines.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                sb.append("---- ").append(f).append(": unreadable: ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    void deleteCopy() throws IOException {
        deleteTree(home);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (isRuntimeState(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (isRuntimeState(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            private boolean isRuntimeState(Path p) {
                Path rel = from.relativize(p);
                return rel.getNameCount() == 1 && RUNTIME_STATE.contains(rel.toString());
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
