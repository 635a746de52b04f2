package dev.notebooks.profile.bench;

import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.service.ProfileIndex;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The reconciler of a running service at work: Profiles created by a client (as kubectl would) until they are all
 * Ready, then a window in which nothing changes. Readiness is read from the service's own Profile informer, so that
 * waiting puts no load on the API.
 */
final class Convergence {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    /** Writes stopped this long ago: the last profile's trailing writes (its Events) are done. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);

    private final ResourceClient client;
    private final ProfileIndex listing;
    private final ApiWriteCounter writes;
    private final int threads;

    Convergence(ApplicationContext service, ResourceClient client, int threads) {
        this.client = client;
        this.listing = service.getBean(ProfileIndex.class);
        this.writes = ApiWriteCounter.installOn(service.getBean(ApiClient.class));
        this.threads = threads;
    }

    /**
     * What converging cost.
     *
     * @param time until every profile was Ready
     * @param writes what the service wrote until it fell quiet
     */
    record Converged(Duration time, WriteCounts writes) {}

    /**
     * A window at steady state.
     *
     * @param writes what the service wrote in it
     * @param passes reconcile passes in it, each of which found nothing to do
     */
    record SteadyState(Duration window, WriteCounts writes, long passes) {}

    Converged converge(int count, IntFunction<String> names, IntFunction<String> owners) throws Exception {
        awaitQuiet();
        WriteCounts before = writes.counts();
        long started = System.nanoTime();
        Parallel.run(
                count,
                threads,
                index -> client.create(PROFILES, Workload.profile(names.apply(index), owners.apply(index))));
        Set<String> expected = IntStream.range(0, count).mapToObj(names).collect(Collectors.toSet());
        while (readyOf(expected) < count) {
            if (System.nanoTime() - started > LIMIT.toNanos()) {
                throw new IllegalStateException(readyOf(expected) + " of " + count + " profiles Ready after " + LIMIT);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        awaitQuiet();
        return new Converged(time, writes.counts().since(before));
    }

    SteadyState steadyState(Duration window) throws InterruptedException {
        awaitQuiet();
        WriteCounts before = writes.counts();
        long passesBefore = ReconcilePassCounter.passes();
        TimeUnit.MILLISECONDS.sleep(window.toMillis()); // the measurement: what happens while nothing changes
        return new SteadyState(window, writes.counts().since(before), ReconcilePassCounter.passes() - passesBefore);
    }

    private long readyOf(Set<String> names) {
        if (!listing.hasSynced()) {
            return 0;
        }
        return listing.all()
                .filter(profile -> names.contains(profile.name()))
                .filter(Profile::isReady)
                .count();
    }

    /** Waits until the service has written nothing (Lease renewals aside) for a while, or gives up after a minute. */
    private void awaitQuiet() throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - writes.lastReconcilerWriteNanos() < QUIET.toNanos()) {
            if (System.nanoTime() - started > QUIET_LIMIT.toNanos()) {
                System.out.println("  (the service kept writing for " + QUIET_LIMIT.toSeconds() + " s; going on)");
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }
}
