package org.casework.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the CPU time of a measured run went, on Linux: the Casework server (the Karaf process and
 * its children), the PostgreSQL server processes, and this benchmark's own client threads. With
 * everything on one machine, these tell which part a throughput figure is bounded by, and what the
 * machine could give at most if one part cost nothing.
 */
final class CpuMeter {

    /** CPU seconds used so far, per part; NaN where it could not be read. */
    record Reading(double server, double database, double client) {
    }

    /** CPU milliseconds each part spent per operation between two readings. */
    record PerOperation(double server, double database, double client) {

        double total() {
            return server + (Double.isNaN(database) ? 0 : database) + client;
        }

        String describe() {
            return String.format(Locale.ROOT, "CPU per operation: server %.2f ms, database %s, clients %.2f ms",
                    server, Double.isNaN(database) ? "n/a" : String.format(Locale.ROOT, "%.2f ms", database), client);
        }
    }

    private static final Path PROC = Path.of("/proc");
    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS = 100.0;
    private static final int WINDOW_SECONDS = 10;

    private CpuMeter() {
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /** Reads the parts now; {@code server} is the process the benchmark started. */
    static Reading read(ProcessHandle server) {
        if (!available()) {
            return new Reading(Double.NaN, Double.NaN, Double.NaN);
        }
        double s = ticks(server.pid());
        for (ProcessHandle child : server.descendants().toList()) {
            s += ticks(child.pid());
        }
        return new Reading(s / TICKS, postgresTicks() / TICKS, ticks(ProcessHandle.current().pid()) / TICKS);
    }

    static PerOperation per(Reading before, Reading after, int operations) {
        return new PerOperation(1000 * (after.server() - before.server()) / operations,
                1000 * (after.database() - before.database()) / operations,
                1000 * (after.client() - before.client()) / operations);
    }

    /**
     * Waits until the server and the database have caught up with what the previous phase left
     * them (the audit chainer hashing its entries, autovacuum after a bulk load): until they use
     * less than a fifth of one CPU over ten seconds (the audit chainer runs every ten), or
     * {@code max} has passed. Returns the seconds waited.
     */
    static double settle(ProcessHandle server, java.time.Duration max) throws InterruptedException {
        if (!available()) {
            return 0;
        }
        long t0 = System.nanoTime();
        Reading last = read(server);
        while (System.nanoTime() - t0 < max.toNanos()) {
            Thread.sleep(WINDOW_SECONDS * 1000L);
            Reading now = read(server);
            double busy = (now.server() - last.server())
                    + (Double.isNaN(now.database()) ? 0 : now.database() - last.database());
            last = now;
            if (busy / WINDOW_SECONDS < 0.2) {
                break;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** All PostgreSQL server processes on this machine (other databases' work included, if any runs). */
    private static double postgresTicks() {
        double sum = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                Optional<String> comm = read(dir.resolve("comm"));
                if (comm.isPresent() && comm.get().strip().equals("postgres")) {
                    sum += ticks(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return sum;
    }

    /** utime + stime of one process, in ticks; 0 when it has gone. */
    private static double ticks(long pid) {
        Optional<String> stat = read(PROC.resolve(pid + "/stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // the command name may hold spaces and parentheses: fields are counted after the last ')'
        String[] f = stat.get().substring(stat.get().lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
