package dev.notebooks.profile.bench;

import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import dev.notebooks.profile.domain.Profile;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** GET /api/profiles over real HTTP, one request at a time, timed by the caller. */
final class ListingLatency {

    private static final String USERID_HEADER = "kubeflow-userid";
    private static final Duration LOADED_LIMIT = Duration.ofMinutes(5);

    /**
     * One caller's figures.
     *
     * @param items the profiles in each answer
     */
    record Latency(String caller, int items, int requests, Duration p50, Duration p99) {}

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI profiles;
    private final JsonMapper json;

    ListingLatency(ApplicationContext service) {
        this.profiles = service.getBean(EmbeddedServer.class).getURI().resolve("/api/profiles");
        this.json = service.getBean(JsonMapper.class);
    }

    /**
     * Fills the cluster up to {@code total} profiles with more of them, each written Ready as the reconciler leaves
     * it (the Profile and its status; the listing reads nothing else of a profile its caller cannot reach), and gives
     * Alice her contributor bindings.
     */
    static void fill(ResourceClient client, int existing, int total, int threads) throws Exception {
        StatusWriter status = new StatusWriter(client);
        Parallel.run(total - existing, threads, index -> {
            String name = Workload.moreName(index);
            Profile profile = client.create(PROFILES, Workload.profile(name, "owner-" + name + "@example.com"));
            status.write(
                    PROFILES,
                    profile,
                    new Profile.Status(Conditions.set(
                            List.of(), Conditions.ready(profile.getMetadata().getGeneration()))));
        });
        for (V1RoleBinding binding : Workload.aliceContributions()) {
            client.create(ResourceTypes.ROLE_BINDING, binding);
        }
    }

    /** Waits until the caller's answer holds {@code items} profiles: the service's caches have loaded the cluster. */
    void awaitLoaded(String caller, int items) throws Exception {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> response = get(caller);
            if (response.statusCode() == 200 && itemsIn(response) == items) {
                return;
            }
            if (System.nanoTime() - started > LOADED_LIMIT.toNanos()) {
                throw new IllegalStateException("GET /api/profiles as " + caller + " still answers "
                        + response.statusCode() + " " + abbreviated(response.body()));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    Latency measure(String caller, int warmUp, int requests) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            get(caller);
        }
        long[] nanos = new long[requests];
        int items = -1;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(caller);
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/profiles as " + caller + ": " + response.statusCode());
            }
            if (i == 0) {
                items = itemsIn(response);
            }
        }
        Arrays.sort(nanos);
        return new Latency(caller, items, requests, percentile(nanos, 50), percentile(nanos, 99));
    }

    private HttpResponse<String> get(String caller) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(profiles)
                .header(USERID_HEADER, caller)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int itemsIn(HttpResponse<String> response) throws IOException {
        Map<?, ?> page = json.readValue(response.body(), Map.class);
        return ((List<?>) page.get("items")).size();
    }

    /** Nearest rank: the smallest value at least {@code percent} % of the values are at or below. */
    private static Duration percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
