package dev.notebooks.platform.testing;

import java.util.concurrent.TimeUnit;

/** Elapsed time for the start-up and shut-down log lines. */
public final class Timing {

    private Timing() {}

    public static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
