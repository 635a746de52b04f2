package dev.notebooks.volume.bench;

import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.volume.Cluster;
import dev.notebooks.volume.VolumeServiceFixtures;
import dev.notebooks.volume.service.VolumeCache;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The volume-service benchmark of issue 12, a program rather than a test (surefire never runs it): a real service
 * context (real PostgreSQL and Kafka, the Kubernetes API double) and {@code GET /api/namespaces/{ns}/pvcs} over real
 * HTTP with {@code benchmark.volumes} volumes in the namespace, every one mounted by a notebook (half of them stopped,
 * two volumes each: a workspace and a data volume), each with an Event, as the owner sees it. Run it with
 * {@code ./mvnw -B -q -o -pl volume-service -Pbenchmark test-compile exec:exec}; docs/benchmarks.md has the figures.
 */
public final class BenchmarkMain {

    private static final int WARM_UP = 50;

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        LoggerFactory.getILoggerFactory();
        int volumes = Integer.getInteger("benchmark.volumes", 1000);
        int requests = Integer.getInteger("benchmark.requests", 300);
        int exitCode = 0;
        try {
            System.out.println(run(volumes, requests));
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            SharedFixtures.closeAll();
        }
        System.exit(exitCode);
    }

    private static String run(int volumes, int requests) throws Exception {
        long started = System.nanoTime();
        Map<String, String> properties = VolumeServiceFixtures.properties();
        properties.put("platform.kube.resync-period", "10m");
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environment.KUBERNETES)
                .properties(Map.copyOf(properties))
                .start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Cluster cluster = new Cluster();
            String namespace = VolumeServiceFixtures.uniqueName("bench");
            String owner = VolumeServiceFixtures.user("owner");
            cluster.profileNamespace(namespace, owner);
            cluster.bindAsKfam(namespace, VolumeServiceFixtures.user("viewer"), ProfileRole.VIEW);

            long writing = System.nanoTime();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < volumes; i += 2) {
                int n = i;
                writes.add(writers.submit(() -> {
                    String notebook = "nb-" + n / 2;
                    List<String> claims = new ArrayList<>();
                    for (int k = n; k < Math.min(n + 2, volumes); k++) {
                        String claim = (k % 2 == 0 ? "workspace-" : "data-") + notebook;
                        cluster.claim(namespace, claim, (1 + k % 10) + "Gi", Cluster.STANDARD);
                        claims.add(claim);
                    }
                    cluster.notebook(namespace, notebook, claims, (n / 2) % 2 == 0);
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();
            long written = System.nanoTime() - writing;

            VolumeCache cache = context.getBean(VolumeCache.class);
            long waiting = System.nanoTime();
            while (cache.claims(namespace).size() < volumes || !cache.hasSynced()) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            long cached = System.nanoTime() - waiting;

            URL url = server.getURL();
            try (HttpClient client = HttpClient.create(url)) {
                TestHttp http = new TestHttp(client, context.getBean(JsonMapper.class));
                String path = "/api/namespaces/" + namespace + "/pvcs";
                TestHttp.Reply first = http.as(owner, HttpRequest.GET(path));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> pvcs =
                        (List<Map<String, Object>>) first.json().get("pvcs");
                long withUsers = pvcs.stream()
                        .filter(pvc -> !((List<?>) pvc.get("notebooks")).isEmpty())
                        .count();
                for (int i = 0; i < WARM_UP; i++) {
                    http.as(owner, HttpRequest.GET(path));
                }
                long[] nanos = new long[requests];
                int bytes = first.text().length();
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    TestHttp.Reply reply = http.as(owner, HttpRequest.GET(path));
                    nanos[i] = System.nanoTime() - t;
                    if (reply.status() != 200) {
                        throw new IllegalStateException(reply.toString());
                    }
                }
                Arrays.sort(nanos);
                return String.join(
                        "\n",
                        "",
                        "== volume-service benchmark: Kubernetes API double, real PostgreSQL and Kafka, %d cores =="
                                .formatted(Runtime.getRuntime().availableProcessors()),
                        "%,d volumes and %,d notebooks written in %,d ms; in the service's caches %,d ms later"
                                .formatted(volumes, (volumes + 1) / 2, ms(written), ms(cached)),
                        "GET %s: %,d volumes listed, %,d with their notebooks, %,d bytes"
                                .formatted(path.replace(namespace, "{ns}"), pvcs.size(), withUsers, bytes),
                        "%,d requests after %d to warm up, one at a time: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
                                .formatted(
                                        requests,
                                        WARM_UP,
                                        quantile(nanos, 0.50),
                                        quantile(nanos, 0.90),
                                        quantile(nanos, 0.99),
                                        nanos[nanos.length - 1] / 1e6),
                        "total %,d s"
                                .formatted(Duration.ofNanos(System.nanoTime() - started)
                                        .toSeconds()));
            }
        }
    }

    private static double quantile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
