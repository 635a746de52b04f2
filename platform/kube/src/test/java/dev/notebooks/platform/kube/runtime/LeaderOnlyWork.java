package dev.notebooks.platform.kube.runtime;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** Work one replica at a time may do, as a service has it; it only notes what it was told. */
@Singleton
@Requires(env = LeaderOnlyTest.ENVIRONMENT)
class LeaderOnlyWork implements LeaderOnly {

    private final AtomicInteger terms = new AtomicInteger();
    private volatile boolean leading;

    @Override
    public void onStartedLeading() {
        terms.incrementAndGet();
        leading = true;
    }

    @Override
    public void onStoppedLeading() {
        leading = false;
    }

    boolean leading() {
        return leading;
    }

    int terms() {
        return terms.get();
    }
}
