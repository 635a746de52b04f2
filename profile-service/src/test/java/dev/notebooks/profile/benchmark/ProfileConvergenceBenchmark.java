package dev.notebooks.profile.benchmark;

import static dev.notebooks.platform.kube.ResourceTypes.NAMESPACE;
import static dev.notebooks.platform.kube.ResourceTypes.RESOURCE_QUOTA;
import static dev.notebooks.platform.kube.ResourceTypes.ROLE_BINDING;
import static dev.notebooks.platform.kube.ResourceTypes.SERVICE_ACCOUNT;
import static dev.notebooks.profile.controller.ProfileResources.PROFILES;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileList;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Not a test: prints how long the reconciler takes to converge 1,000 Profiles against the API double, next to the time
 * the same client needs for just the writes those Profiles take, and how many writes it makes in 60 s at steady state.
 * Run with {@code ./mvnw -B test -pl profile-service -Pbenchmark}.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileConvergenceBenchmark implements TestPropertyProvider {

    private static final int PROFILES_COUNT = Integer.getInteger("benchmark.profiles", 1000);
    private static final Duration STEADY_WINDOW = Duration.ofSeconds(Long.getLong("benchmark.steady-seconds", 60));
    private static final int BARE_WRITES_PER_PROFILE = 10;
    private static final Duration RESYNC = Duration.ofSeconds(10);
    private static final Map<String, String> QUOTA = Map.of("cpu", "4", "memory", "8Gi");
    private static final ResourceType<Profile> BARE_PROFILES = ResourceType.clusterScoped(
            "kubeflow.org", "v1beta1", "Profile", "profiles", Profile.class, ProfileList.class);

    @Inject
    ApiClient serviceClient;

    @Inject
    KubeConfiguration configuration;

    private final AtomicInteger serviceWrites = new AtomicInteger();
    private final AtomicInteger leaseWrites = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ProfileServiceFixtures.properties());
        properties.put("platform.kube.resync-period", RESYNC.toSeconds() + "s");
        return properties;
    }

    @Test
    void convergeThenStaySteady() throws Exception {
        countWritesOf(serviceClient);
        String run = ProfileServiceFixtures.uniqueName("bench");
        ResourceClient client = new ResourceClient(KubernetesFixture.shared().apiClient(), configuration);

        long bareMillis = timed(() -> inParallel(i -> bareWrites(client, run + "-bare-" + i)));

        long convergeMillis = timed(() -> {
            inParallel(i -> client.create(PROFILES, profile(run + "-" + i)));
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> readyCount(run + "-") == PROFILES_COUNT);
        });

        int writesBefore = serviceWrites.get();
        int leaseWritesBefore = leaseWrites.get();
        TimeUnit.MILLISECONDS.sleep(STEADY_WINDOW.toMillis()); // the measurement itself: a window of silence
        int steadyWrites = serviceWrites.get() - writesBefore;
        int steadyLeaseWrites = leaseWrites.get() - leaseWritesBefore;
        // the API double slows down as it fills up: the same writes again, now into a store as full as the reconciler
        // had
        long bareLaterMillis = timed(() -> inParallel(i -> bareWrites(client, run + "-later-" + i)));

        System.out.printf(
                "%n== profile-service benchmark (API double, %d workers) ==%n"
                        + "converge %d Profiles:                     %,d ms (%.1f ms each)%n"
                        + "bare writes for them (%d each), before:   %,d ms (%.1f ms each), ratio %.2f%n"
                        + "bare writes for them (%d each), after:    %,d ms (%.1f ms each), ratio %.2f%n"
                        + "service writes in %d s at steady state (resync every %d s): %d"
                        + " (and %d renewals of the leader's Lease)%n%n",
                configuration.getWorkers(),
                PROFILES_COUNT,
                convergeMillis,
                (double) convergeMillis / PROFILES_COUNT,
                BARE_WRITES_PER_PROFILE,
                bareMillis,
                (double) bareMillis / PROFILES_COUNT,
                (double) convergeMillis / bareMillis,
                BARE_WRITES_PER_PROFILE,
                bareLaterMillis,
                (double) bareLaterMillis / PROFILES_COUNT,
                (double) convergeMillis / bareLaterMillis,
                STEADY_WINDOW.toSeconds(),
                RESYNC.toSeconds(),
                steadyWrites,
                steadyLeaseWrites);
    }

    /**
     * What the reconciler writes for one profile, written directly: the Profile (under v1beta1, which the reconciler
     * does not watch), its finalizer, the namespace, two service accounts, three role bindings, the quota and the
     * status.
     */
    private void bareWrites(ResourceClient client, String name) throws ApiException {
        Profile profile = client.create(BARE_PROFILES, profile(name));
        JsonArray finalizers = new JsonArray();
        finalizers.add("profile-finalizer");
        profile = client.jsonPatch(
                BARE_PROFILES,
                null,
                name,
                JsonPatch.atResourceVersion(profile.getMetadata().getResourceVersion())
                        .add("/metadata/finalizers", finalizers));
        client.create(NAMESPACE, new V1Namespace().metadata(new V1ObjectMeta().name(name)));
        for (String account : List.of("default-editor", "default-viewer")) {
            client.create(SERVICE_ACCOUNT, new V1ServiceAccount().metadata(meta(name, account)));
        }
        client.create(ROLE_BINDING, binding(name, "namespaceAdmin", "kubeflow-admin", "User", "alice@example.com"));
        client.create(
                ROLE_BINDING, binding(name, "default-editor", "kubeflow-edit", "ServiceAccount", "default-editor"));
        client.create(
                ROLE_BINDING, binding(name, "default-viewer", "kubeflow-view", "ServiceAccount", "default-viewer"));
        client.create(
                RESOURCE_QUOTA,
                new V1ResourceQuota().metadata(meta(name, "kf-resource-quota")).spec(Quotas.spec(QUOTA)));
        client.jsonPatchStatus(
                BARE_PROFILES,
                null,
                name,
                JsonPatch.atResourceVersion(profile.getMetadata().getResourceVersion())
                        .add(
                                "/status",
                                KubeJson.element(new Profile.Status(Conditions.set(List.of(), Conditions.ready(1L))))));
    }

    private static Profile profile(String name) {
        return Profile.of(name, new Profile.Spec(Profile.Owner.user("alice@example.com"), Quotas.spec(QUOTA), null));
    }

    private static V1ObjectMeta meta(String namespace, String name) {
        return new V1ObjectMeta().namespace(namespace).name(name);
    }

    private static V1RoleBinding binding(String namespace, String name, String role, String kind, String subject) {
        return new V1RoleBinding()
                .metadata(meta(namespace, name))
                .roleRef(new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name(role))
                .subjects(List.of(new RbacV1Subject().kind(kind).name(subject)));
    }

    private long readyCount(String prefix) throws ApiException {
        var api = new GenericKubernetesApi<>(
                Profile.class,
                ProfileList.class,
                "kubeflow.org",
                "v1",
                "profiles",
                KubernetesFixture.shared().apiClient());
        return api.list().throwsApiException().getObject().getItems().stream()
                .filter(profile -> profile.name().startsWith(prefix))
                .filter(Profile::isReady)
                .count();
    }

    /** Counts every request but GET (and watches) the service's own client sends from now on; Lease renewals apart. */
    private void countWritesOf(ApiClient client) {
        Interceptor counter = chain -> {
            String path = chain.request().url().encodedPath();
            if (!chain.request().method().equals("GET")) {
                if (path.contains("/leases/")) {
                    leaseWrites.incrementAndGet();
                } else {
                    serviceWrites.incrementAndGet();
                }
            }
            return chain.proceed(chain.request());
        };
        client.setHttpClient(
                client.getHttpClient().newBuilder().addInterceptor(counter).build());
    }

    private interface Work {
        void run(int index) throws Exception;
    }

    private void inParallel(Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(configuration.getWorkers());
        try {
            List<Future<Object>> done = IntStream.range(0, PROFILES_COUNT)
                    .mapToObj(i -> threads.submit(() -> {
                        work.run(i);
                        return null;
                    }))
                    .toList();
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static long timed(Timed work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
