package dev.notebooks.notebook.bench;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;

import dev.notebooks.notebook.JwaForms;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.NotebookStatus;
import dev.notebooks.notebook.domain.children.ChildSettings;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import dev.notebooks.notebook.domain.children.NotebookServiceObject;
import dev.notebooks.notebook.domain.children.NotebookStatefulSet;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.platform.testing.http.TestHttp;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The notebook-service benchmark of issue 11, a program rather than a test (surefire never runs it): a real service
 * context (real PostgreSQL and Kafka, an API double of its own with three simulated nodes) and, in order:
 *
 * <ol>
 *   <li>a JWA-shaped POST until its StatefulSet exists, one at a time ({@code benchmark.posts});
 *   <li>{@code benchmark.notebooks} Notebooks applied on 2 threads until the service sees every one's server ready,
 *       beside the bare writes they need (Notebook, StatefulSet, Service, status) on a double of their own;
 *   <li>the service's API writes in {@code benchmark.steady-seconds} at steady state with culling on, and over
 *       {@code benchmark.culling-minutes} culling checks of every running idle notebook (the check period
 *       compressed), beside what Kubeflow's culler rule would write;
 *   <li>{@code GET /api/namespaces/{ns}/notebooks} with {@code benchmark.listed-notebooks} notebooks in the namespace.
 * </ol>
 *
 * Run it with {@code ./mvnw -B -q -o -pl notebook-service -am -Pbenchmark process-test-classes}; docs/benchmarks.md
 * has the figures.
 */
public final class BenchmarkMain {

    private static final String OWNER = "owner@example.com";
    private static final Duration CONVERGED = Duration.ofMinutes(20);

    private final int notebooks = Integer.getInteger("benchmark.notebooks", 1000);
    private final int listed = Integer.getInteger("benchmark.listed-notebooks", 500);
    private final int steadySeconds = Integer.getInteger("benchmark.steady-seconds", 60);
    private final int cullingMinutes = Integer.getInteger("benchmark.culling-minutes", 10);
    private final int requests = Integer.getInteger("benchmark.requests", 500);
    private final int posts = Integer.getInteger("benchmark.posts", 100);
    /** One simulated minute of culling: the culler's check period, compressed. */
    private final Duration checkPeriod = Duration.ofMillis(Long.getLong("benchmark.check-period-ms", 6000));

    private final List<String> lines = new ArrayList<>() {
        @Override
        public boolean add(String line) {
            // at once, so a run cut short still shows what it measured
            System.out.println(line);
            System.out.flush();
            return super.add(line);
        }
    };

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        LoggerFactory.getILoggerFactory();
        int exitCode = 0;
        try {
            BenchmarkMain benchmark = new BenchmarkMain();
            benchmark.run();
            System.out.println("== summary ==\n" + String.join("\n", benchmark.lines));
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            SharedFixtures.closeAll();
        }
        System.exit(exitCode);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        lines.add("");
        lines.add(
                "== notebook-service benchmark: Kubernetes API double, real PostgreSQL and Kafka, %d cores, load %s =="
                        .formatted(Runtime.getRuntime().availableProcessors(), load()));
        long bare = bareWrites();
        try (BenchCluster cluster = BenchCluster.withWorkloads();
                ApplicationContext context = ApplicationContext.builder()
                        .environments(Environment.KUBERNETES)
                        .properties(Map.copyOf(properties(cluster)))
                        .start()) {
            RequestCounter writes = RequestCounter.on(context.getBean(ApiClient.class));
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            DefaultHttpClientConfiguration patient = new DefaultHttpClientConfiguration();
            // a list of 500 notebooks on a loaded 2-core machine can take longer than the default 10 s
            patient.setReadTimeout(Duration.ofSeconds(180));
            try (HttpClient httpClient = HttpClient.create(server.getURL(), patient)) {
                TestHttp http = new TestHttp(httpClient, context.getBean(JsonMapper.class));
                postToStatefulSet(cluster, http);
                List<String> namespaces = converge(cluster, context, writes, bare);
                steadyStateAndCulling(context, writes);
                list(http, namespaces.get(0));
            }
        }
        lines.add("whole run %,d s, load %s"
                .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds(), load()));
    }

    private Map<String, String> properties(BenchCluster cluster) {
        Map<String, String> properties = TestProperties.postgres("notebook")
                .kafka()
                .with("micronaut.server.port", "-1")
                .with("platform.kube.resync-period", "30s")
                .with("platform.kube.leader-election.lease-namespace", "default")
                .with("platform.kube.leader-election.identity", "notebook-bench-" + UUID.randomUUID())
                .with("platform.kube.leader-election.lease-duration", "6s")
                .with("platform.kube.leader-election.renew-deadline", "4s")
                .with("platform.kube.leader-election.retry-period", "1s")
                .with("platform.outbox.poll-interval", "100ms")
                .with("notebooks.spawner.namespace", "kubeflow-bench")
                .with("notebooks.culling.enabled", "true")
                .with("notebooks.culling.access", "API_SERVER_PROXY")
                .with("notebooks.culling.check-period", checkPeriod.toMillis() + "ms")
                .build();
        properties.putAll(cluster.properties());
        return properties;
    }

    /** 1. POST as JWA's frontend, until the reconciler's StatefulSet exists; then the notebooks are deleted again. */
    private void postToStatefulSet(BenchCluster cluster, TestHttp http) throws Exception {
        String namespace = "bench-post";
        cluster.profileNamespace(namespace, OWNER);
        String path = "/api/namespaces/" + namespace + "/notebooks";
        await(() -> http.as(OWNER, HttpRequest.GET(path)).status() == 200, Duration.ofSeconds(60), "roles seen");
        ResourceClient client = cluster.client();
        long[] nanos = new long[posts];
        for (int i = 0; i < posts; i++) {
            String name = "post-" + i;
            long t = System.nanoTime();
            TestHttp.Reply created = http.as(OWNER, HttpRequest.POST(path, JwaForms.form(name)));
            if (created.status() != 201) {
                throw new IllegalStateException(created.toString());
            }
            while (client.get(ResourceTypes.STATEFUL_SET, namespace, name).isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(2);
            }
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        lines.add(
                "1. POST (JWA's body, 1Gi workspace) to StatefulSet present, %d one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        .formatted(posts, quantile(nanos, 0.50), quantile(nanos, 0.99), nanos[nanos.length - 1] / 1e6));
        for (int i = 0; i < posts; i++) {
            http.as(OWNER, HttpRequest.DELETE(path + "/post-" + i));
        }
        await(
                () -> client.get(ResourceTypes.STATEFUL_SET, namespace, "post-" + (posts - 1))
                        .isEmpty(),
                Duration.ofSeconds(120),
                "posted notebooks deleted");
    }

    /** 2. Notebooks applied as kubectl would, until the service sees each one's pod ready. */
    private List<String> converge(BenchCluster cluster, ApplicationContext context, RequestCounter writes, long bare)
            throws Exception {
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i * listed < notebooks; i++) {
            namespaces.add("bench-" + i);
            cluster.profileNamespace("bench-" + i, OWNER);
        }
        InformerCache cache = context.getBean(InformerCache.class);
        int mark = writes.writes();
        long t = System.nanoTime();
        writeAll(cluster.client(), namespaces, false);
        long applied = System.nanoTime() - t;
        await(
                () -> cache.list(NOTEBOOKS).stream()
                                .filter(notebook -> notebook.namespace().startsWith("bench-")
                                        && !notebook.namespace().equals("bench-post"))
                                .filter(notebook -> notebook.getStatus() != null
                                        && notebook.getStatus().readyReplicas() >= 1)
                                .count()
                        >= notebooks,
                CONVERGED,
                "converged");
        long converged = System.nanoTime() - t;
        lines.add("2. %,d notebooks applied on 2 threads in %,d ms; all ready in the service's cache after %,d ms"
                .formatted(notebooks, ms(applied), ms(converged)));
        lines.add(
                "   bare writes they need (Notebook, StatefulSet, Service, status: 4 each, 2 threads, nothing simulated): %,d ms"
                        .formatted(ms(bare)));
        lines.add("   ratio converged / bare writes: %.2f".formatted((double) converged / bare));
        lines.add("   the service's writes meanwhile: %,d %s".formatted(writes.writes() - mark, writes.byKind(mark)));
        return namespaces;
    }

    /** The bare writes, on a double of their own that simulates nothing, so both sides start from an empty store. */
    private long bareWrites() throws Exception {
        try (BenchCluster bare = BenchCluster.bare()) {
            List<String> namespaces = new ArrayList<>();
            for (int i = 0; i * listed < notebooks; i++) {
                namespaces.add("bench-" + i);
                bare.profileNamespace("bench-" + i, OWNER);
            }
            long t = System.nanoTime();
            writeAll(bare.client(), namespaces, true);
            return System.nanoTime() - t;
        }
    }

    private void writeAll(ResourceClient client, List<String> namespaces, boolean withChildren) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> writing = new ArrayList<>();
        for (int i = 0; i < notebooks; i++) {
            String namespace = namespaces.get(i / listed);
            String name = "nb-" + i;
            writing.add(writers.submit(() -> {
                Notebook notebook = client.create(NOTEBOOKS, BenchCluster.notebook(namespace, name));
                if (withChildren) {
                    client.create(
                            ResourceTypes.STATEFUL_SET,
                            NotebookStatefulSet.desired(
                                    notebook, NotebookPodTemplate.of(notebook, ChildSettings.defaults())));
                    client.create(ResourceTypes.SERVICE, NotebookServiceObject.desired(notebook));
                    NotebookStatus ready = new NotebookStatus(
                            List.of(),
                            1,
                            new V1ContainerState()
                                    .running(new V1ContainerStateRunning().startedAt(OffsetDateTime.now())));
                    client.jsonPatchStatus(
                            NOTEBOOKS,
                            namespace,
                            name,
                            JsonPatch.atResourceVersion(notebook.getMetadata().getResourceVersion())
                                    .add("/status", KubeJson.tree(ready)));
                }
                return null;
            }));
        }
        for (Future<?> write : writing) {
            write.get();
        }
        writers.shutdown();
    }

    /** 3. Nothing to do, culling on: the writes, and the culler's probes and writes over its compressed minutes. */
    private void steadyStateAndCulling(ApplicationContext context, RequestCounter writes) throws Exception {
        InformerCache cache = context.getBean(InformerCache.class);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        long running = cache.list(NOTEBOOKS).stream()
                .filter(notebook -> !notebook.isStopped()
                        && notebook.getStatus() != null
                        && notebook.getStatus().readyReplicas() >= 1)
                .count();
        Duration quiet = checkPeriod.multipliedBy(2);
        await(() -> writes.quietFor() > quiet.toNanos(), Duration.ofMinutes(10), "quiet");
        long withActivity = cache.list(NOTEBOOKS).stream()
                .filter(notebook ->
                        notebook.annotation(NotebookAnnotations.LAST_ACTIVITY).isPresent())
                .count();

        int mark = writes.writes();
        int leases = writes.leaseWrites();
        double probesAtMark = probes(meters);
        long t = System.nanoTime();
        TimeUnit.SECONDS.sleep(steadySeconds);
        lines.add(
                "3. API writes in %d s at steady state, culling on (every %d ms), %,d notebooks running: %,d %s (%,d Lease renewals apart)"
                        .formatted(
                                steadySeconds,
                                checkPeriod.toMillis(),
                                running,
                                writes.writes() - mark,
                                writes.byKind(mark),
                                writes.leaseWrites() - leases));

        // the culler reads two paths a notebook (kernels, terminals) per check
        double perCheck = 2.0 * running;
        await(
                () -> probes(meters) - probesAtMark >= perCheck * cullingMinutes,
                Duration.ofMinutes(20),
                "culling checks");
        long window = System.nanoTime() - t;
        double probes = probes(meters) - probesAtMark;
        long checks = Math.round(probes / perCheck);
        lines.add(
                "4. culling, %,d running idle notebooks, %d checks (a check per simulated minute, compressed to %d ms; %,d ms in all):"
                        .formatted(running, checks, checkPeriod.toMillis(), ms(window)));
        lines.add("   this service: %,.0f probes (/api/kernels and /api/terminals), %,d writes %s"
                .formatted(probes, writes.writes() - mark, writes.byKind(mark)));
        lines.add("   Kubeflow's rule (one Update a notebook a check, two annotations): %,d probes, %,d writes"
                .formatted(checks * running, checks * running));
        lines.add(
                "   before the window, once per notebook at its first check (no last-activity yet): %,d notebooks annotated"
                        .formatted(withActivity));
    }

    /** 4. The spawner list of a namespace with {@code listed} notebooks, as its owner. */
    private void list(TestHttp http, String namespace) {
        String path = "/api/namespaces/" + namespace + "/notebooks";
        TestHttp.Reply first = http.as(OWNER, HttpRequest.GET(path));
        int items = ((List<?>) first.json().get("notebooks")).size();
        int warmUp = Math.min(50, requests / 4);
        for (int i = 0; i < warmUp; i++) {
            http.as(OWNER, HttpRequest.GET(path));
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            TestHttp.Reply reply = http.as(OWNER, HttpRequest.GET(path));
            nanos[i] = System.nanoTime() - t;
            if (reply.status() != 200) {
                throw new IllegalStateException(reply.toString());
            }
        }
        Arrays.sort(nanos);
        lines.add(
                "5. GET %s, %,d notebooks (%,d bytes), %,d requests after %d to warm up, one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        .formatted(
                                path.replace(namespace, "{ns}"),
                                items,
                                first.text().length(),
                                requests,
                                warmUp,
                                quantile(nanos, 0.50),
                                quantile(nanos, 0.99),
                                nanos[nanos.length - 1] / 1e6));
    }

    private static double probes(MeterRegistry meters) {
        var counter = meters.find("notebook.activity.probes").counter();
        return counter == null ? 0 : counter.count();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, Duration atMost, String what) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not " + what + " within " + atMost);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
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
