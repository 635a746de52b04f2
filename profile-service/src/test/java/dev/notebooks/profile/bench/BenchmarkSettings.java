package dev.notebooks.profile.bench;

import dev.notebooks.platform.kube.KubeConfiguration;
import java.time.Duration;

/**
 * The sizes of a benchmark run, from system properties (the Maven profile passes them on), defaulting to what the
 * issue asks for.
 *
 * @param profiles Profiles converged, and made by bare writes for comparison ({@code benchmark.profiles})
 * @param listedProfiles Profiles in the cluster while GET /api/profiles is timed ({@code benchmark.listed-profiles})
 * @param steadyWindow how long writes are counted at steady state ({@code benchmark.steady-seconds})
 * @param requests timed GET /api/profiles requests per caller ({@code benchmark.requests})
 * @param workers the reconciler's workers, and the bare writes' threads
 */
record BenchmarkSettings(int profiles, int listedProfiles, Duration steadyWindow, int requests, int workers) {

    static final int DEFAULT_PROFILES = 1_000;
    static final int DEFAULT_LISTED_PROFILES = 10_000;
    static final int DEFAULT_STEADY_SECONDS = 60;
    static final int DEFAULT_REQUESTS = 500;

    /** Profiles converged (and bare writes made) before anything is timed, so that no JIT warm-up is measured. */
    static final int WARM_UP_PROFILES = 50;

    /** Requests per caller before GET /api/profiles is timed. */
    static final int WARM_UP_REQUESTS = 200;

    /**
     * Every Profile is reconciled again this often (the service's default is 10 minutes), so that the steady-state
     * window holds several passes over every profile, each of which must write nothing.
     */
    static final Duration RESYNC_PERIOD = Duration.ofSeconds(10);

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("benchmark.profiles", DEFAULT_PROFILES),
                Integer.getInteger("benchmark.listed-profiles", DEFAULT_LISTED_PROFILES),
                Duration.ofSeconds(Integer.getInteger("benchmark.steady-seconds", DEFAULT_STEADY_SECONDS)),
                Integer.getInteger("benchmark.requests", DEFAULT_REQUESTS),
                KubeConfiguration.DEFAULT_WORKERS);
    }
}
