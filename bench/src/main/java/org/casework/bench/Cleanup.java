package org.casework.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the benchmark must undo (stop Karaf, drop the database, delete temporary copies), run in
 * reverse order exactly once: at the end of a run, on failure, or from the JVM's shutdown hook
 * when the run is interrupted.
 */
final class Cleanup {

    /** One undo step. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "bench-cleanup"));
    }

    synchronized void add(String name, Step step) {
        steps.push(new Named(name, step));
    }

    /** Runs the steps added since {@code mark} (see {@link #mark()}), newest first. */
    synchronized void runDownTo(int mark) {
        while (steps.size() > mark) {
            Named n = steps.pop();
            try {
                n.step().run();
            } catch (Exception | Error e) {
                System.out.println("bench: cleanup step \"" + n.name() + "\" failed: " + e);
            }
        }
    }

    synchronized int mark() {
        return steps.size();
    }

    synchronized void runAll() {
        runDownTo(0);
    }
}
