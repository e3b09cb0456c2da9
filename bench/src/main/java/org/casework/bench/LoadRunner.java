package org.casework.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a fixed number of operations on a fixed number of client threads, each with its own
 * {@link Worker}, and measures the wall time from the moment every worker is ready until the
 * last operation has finished.
 */
final class LoadRunner {

    /** Per-thread state (an HTTP client, a JDBC connection), opened before the clock starts. */
    interface Worker extends AutoCloseable {
        /** Performs operation {@code index}; an exception counts as a failure and says why. */
        void run(int index) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens one worker on the thread that will use it. */
    @FunctionalInterface
    interface WorkerFactory {
        Worker open() throws Exception;
    }

    /** What one run measured. Latencies are in nanoseconds, sorted. */
    record Measurement(int clients, int operations, long elapsedNanos, int failures, long[] sortedLatencies,
            List<String> sampleFailures) {

        double seconds() {
            return elapsedNanos / 1e9;
        }

        double perSecond() {
            return operations / seconds();
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMillis(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencies.length);
            return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))] / 1e6;
        }
    }

    private static final int FAILURES_KEPT = 5;

    private LoadRunner() {
    }

    static Measurement run(int clients, int operations, WorkerFactory factory) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[operations];
        ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> done = new ArrayList<>();
        long start;
        long end;
        try {
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    Worker opened;
                    try {
                        opened = factory.open();
                    } finally {
                        ready.countDown();
                    }
                    try (Worker w = opened) {
                        go.await();
                        for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            try {
                                w.run(i);
                            } catch (Exception e) {
                                failures.incrementAndGet();
                                keep(failureSamples, e.getMessage() == null ? e.toString() : e.getMessage());
                            }
                            latencies[i] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A client could not start or stop: " + e.getCause(), e.getCause());
                }
            }
            end = System.nanoTime();
        } finally {
            go.countDown();
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Measurement(clients, operations, end - start, failures.get(), sorted, List.copyOf(failureSamples));
    }

    /** Records a failure description (a few are enough to see what went wrong). */
    static void keep(ConcurrentLinkedQueue<String> samples, String description) {
        if (samples.size() < FAILURES_KEPT) {
            samples.add(description);
        }
    }
}
