package org.casework.itests.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a condition until it holds: the server becomes ready in its own time (REST answers 404
 * until its resources register), so tests wait for a state, never for a fixed delay.
 */
public final class Wait {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Wait() {
    }

    /**
     * Returns as soon as {@code condition} returns {@code true}; exceptions it throws count as
     * "not yet".
     *
     * @throws AssertionError naming {@code what} and the last exception once {@code timeout} passes
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError failure = new AssertionError("Timed out after " + timeout.toSeconds()
                        + " s waiting for " + what);
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Returns the first value of {@code probe} that {@code accept} takes, polling like
     * {@link #until}.
     */
    public static <T> T forValue(String what, Duration timeout, Callable<T> probe,
            java.util.function.Predicate<? super T> accept) {
        Object[] holder = new Object[1];
        until(what, timeout, () -> {
            T value = probe.call();
            holder[0] = value;
            return value != null && accept.test(value);
        });
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }
}
