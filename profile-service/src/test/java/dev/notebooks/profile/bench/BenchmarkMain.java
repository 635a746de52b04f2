package dev.notebooks.profile.bench;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The profile-service benchmark of issue 3, a program rather than a test (surefire never runs it): a real service
 * context (real PostgreSQL and Kafka, the Kubernetes API double) whose reconciler converges Profiles, next to the bare
 * writes those Profiles need; its writes at steady state; and GET /api/profiles with 10,000 profiles in the cluster.
 * Run it with {@code ./mvnw -B -pl profile-service -Pbenchmark test-compile exec:exec}; docs/benchmarks.md says what
 * each figure means.
 */
public final class BenchmarkMain {

    private static final String LEASE_NAMESPACE = "default";
    private static final String LEASE_NAME = "profile-service-leader";
    private static final String IDENTITY = "platform.kube.leader-election.identity";

    /** Takes the Lease, so its reconciler runs, and reconciles every profile again every resync period. */
    private static final Map<String, String> RECONCILING_REPLICA = Map.of(
            IDENTITY,
            "reconciling-replica",
            "platform.kube.resync-period",
            BenchmarkSettings.RESYNC_PERIOD.toSeconds() + "s");

    /** Finds the Lease held by another replica (see {@link #leadByAnotherReplica}), so it serves the API only. */
    private static final Map<String, String> API_REPLICA =
            Map.of(IDENTITY, "api-replica", "platform.security.cluster-admins", Workload.ADMIN);

    private final BenchmarkSettings settings;
    private final long started = System.nanoTime();

    private BenchmarkMain(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // before the first logger exists: warnings only, and reconcile passes counted
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        LoggerFactory.getILoggerFactory(); // configured now, before the fixtures start logging from several threads
        int exitCode = 0;
        try {
            System.out.println(new BenchmarkMain(BenchmarkSettings.fromSystemProperties())
                    .run()
                    .summary());
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            SharedFixtures.closeAll();
        }
        // the clients' and Kafka's threads would keep the JVM alive
        System.exit(exitCode);
    }

    private Figures run() throws Exception {
        progress("starting PostgreSQL, Kafka and the Kubernetes API double");
        Map<String, String> fixtures =
                TestProperties.postgres("profile_bench").kafka().kubernetes().build();
        ResourceClient client =
                new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("benchmark"));

        progress(
                "bare writes for %,d profiles (after %d to warm up)",
                settings.profiles(), BenchmarkSettings.WARM_UP_PROFILES);
        BareWrites.time(BenchmarkSettings.WARM_UP_PROFILES, settings.workers());
        Duration bareWrites = BareWrites.time(settings.profiles(), settings.workers());

        Convergence.Converged converged;
        Convergence.SteadyState steadyState;
        try (ApplicationContext service = start(fixtures, RECONCILING_REPLICA)) {
            Convergence convergence = new Convergence(service, client, settings.workers());
            progress("converging %d profiles to warm up", BenchmarkSettings.WARM_UP_PROFILES);
            convergence.converge(BenchmarkSettings.WARM_UP_PROFILES, Workload::warmUpName, Workload::warmUpName);
            progress("converging %,d profiles", settings.profiles());
            converged = convergence.converge(settings.profiles(), Workload::profileName, Workload::ownerOf);
            progress(
                    "counting writes for %d s at steady state",
                    settings.steadyWindow().toSeconds());
            steadyState = convergence.steadyState(settings.steadyWindow());
        }

        progress("filling the cluster up to %,d profiles", settings.listedProfiles());
        int existing = BenchmarkSettings.WARM_UP_PROFILES + settings.profiles();
        ListingLatency.fill(client, existing, settings.listedProfiles(), settings.workers());
        leadByAnotherReplica(client);
        try (ApplicationContext service = start(fixtures, API_REPLICA)) {
            service.getBean(EmbeddedServer.class).start();
            ListingLatency listing = new ListingLatency(service);
            listing.awaitLoaded(Workload.ALICE, Workload.ALICE_PROFILES);
            progress("timing GET /api/profiles");
            return new Figures(
                    settings,
                    bareWrites,
                    converged,
                    steadyState,
                    listing.measure(Workload.ALICE, BenchmarkSettings.WARM_UP_REQUESTS, settings.requests()),
                    listing.measure(Workload.ADMIN, BenchmarkSettings.WARM_UP_REQUESTS, settings.requests()),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The service as a replica in the {@code k8s} environment, on the shared fixtures: its reconciler runs when it
     * holds the Lease.
     */
    private static ApplicationContext start(Map<String, String> fixtures, Map<String, String> replica) {
        Map<String, String> properties = new HashMap<>(fixtures);
        properties.put("micronaut.server.port", "-1");
        properties.put("platform.kube.leader-election.lease-namespace", LEASE_NAMESPACE);
        properties.put("platform.kube.leader-election.lease-name", LEASE_NAME);
        properties.putAll(replica);
        return ApplicationContext.builder()
                .environments(Environment.KUBERNETES)
                .properties(Map.copyOf(properties))
                .start();
    }

    /**
     * The replica whose listing is timed serves the API only, as a second replica does while the first one
     * reconciles: otherwise its reconciler would spend the measurement converging the profiles written to fill the
     * cluster.
     */
    private static void leadByAnotherReplica(ResourceClient client) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        client.delete(ResourceTypes.LEASE, LEASE_NAMESPACE, LEASE_NAME);
        client.create(
                ResourceTypes.LEASE,
                new V1Lease()
                        .metadata(new V1ObjectMeta().namespace(LEASE_NAMESPACE).name(LEASE_NAME))
                        .spec(new V1LeaseSpec()
                                .holderIdentity("reconciling-replica-elsewhere")
                                .leaseDurationSeconds((int) Duration.ofHours(1).toSeconds())
                                .leaseTransitions(0)
                                .acquireTime(now)
                                .renewTime(now)));
    }

    private void progress(String format, Object... arguments) {
        System.out.printf(
                "[%4d s] %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(), format.formatted(arguments));
    }
}
