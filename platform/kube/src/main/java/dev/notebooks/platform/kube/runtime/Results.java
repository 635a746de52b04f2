package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.extended.controller.reconciler.Result;
import java.time.Duration;

/** The outcomes of a reconcile pass, by name. */
public final class Results {

    private Results() {}

    /** Nothing more to do until something changes (or the next resync). */
    public static Result done() {
        return new Result(false);
    }

    /** Try again soon, backing off exponentially per resource (the work queue's rate limiter). */
    public static Result retry() {
        return new Result(true);
    }

    /** Come back after {@code delay}, e.g. to poll something that sends no events. */
    public static Result after(Duration delay) {
        return new Result(true, delay);
    }
}
