package dev.notebooks.localstack;

import dev.notebooks.platform.testing.kafka.KafkaBrokerProcess;
import dev.notebooks.platform.testing.kubernetes.KubernetesApiDouble;
import dev.notebooks.platform.testing.kubernetes.WorkloadSettings;
import dev.notebooks.platform.testing.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The whole suite on one machine: embedded PostgreSQL, Kafka and the Kubernetes API double (each replaced by
 * the real thing named in the environment), then every service module of the checkout as its own process (or, with
 * {@code LOCAL_STACK_ONE_JVM=true}, all of them in the suite module's one JVM).
 * Ctrl-C or SIGTERM stops it all, services first.
 */
public final class LocalStack {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READY_POLL = Duration.ofMillis(250);

    private final LocalStackSettings settings;
    // pushed from the parallel start threads, popped by stop()
    private final Deque<Part> running = new ConcurrentLinkedDeque<>();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    // each service and the process that serves it (in the one-JVM form, one process serves all)
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("localstack.root", "."))
                .toAbsolutePath()
                .normalize();
        LocalStack stack = new LocalStack(LocalStackSettings.from(System.getenv(), root));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            say("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        stack.stopped.await();
    }

    void start() throws Exception {
        say("Starting the local stack in " + settings.root());
        var postgres = inBackground("PostgreSQL", this::postgres);
        var kafka = inBackground("Kafka", this::kafka);
        var kubernetes = inBackground("Kubernetes API", this::kubernetes);
        Infrastructure infrastructure = new Infrastructure(postgres.join(), kafka.join(), kubernetes.join());

        List<ServiceModule> modules = ServiceModule.present(settings.root());
        startServices(modules, infrastructure);
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.process().awaitReady(endpoint.module().port(), SERVICE_START_TIMEOUT, READY_POLL)) {
                throw new IllegalStateException(endpoint.module().name() + " did not become ready; see "
                        + endpoint.process().log());
            }
            say("  " + endpoint.module().name() + " ready on http://localhost:"
                    + endpoint.module().port());
        }
        say(readyLine(infrastructure));
    }

    private void startServices(List<ServiceModule> modules, Infrastructure infrastructure) throws Exception {
        if (settings.oneJvm()) {
            startOneJvm(modules, infrastructure);
            return;
        }
        for (ServiceModule module : modules) {
            Optional<Path> jar = module.runnableJar(settings.root());
            if (jar.isEmpty()) {
                say("  " + module.name() + " skipped: no jar in " + module.name() + "/target (run bin/local-stack"
                        + " without --no-build)");
                continue;
            }
            say("  starting " + module.name() + " on port " + module.port());
            ServiceProcess process = ServiceProcess.start(
                    module,
                    jar.get(),
                    infrastructure.environmentFor(module, settings),
                    settings.dataDir().resolve("logs"));
            services.add(process);
            endpoints.add(new Endpoint(process, module));
        }
    }

    /** The services in the suite module's one JVM, each on its own port with its own database (LOCAL_STACK_ONE_JVM). */
    private void startOneJvm(List<ServiceModule> modules, Infrastructure infrastructure) throws Exception {
        Optional<String> classPath = ServiceProcess.suiteClassPath(settings.root());
        if (modules.isEmpty() || classPath.isEmpty()) {
            say(
                    "  the suite skipped: no suite/target/classes or classpath.txt (run bin/local-stack without --no-build)");
            return;
        }
        say("  starting "
                + String.join(", ", modules.stream().map(ServiceModule::name).toList()) + " in one JVM");
        ServiceProcess process = ServiceProcess.startSuite(
                new ServiceModule("suite", modules.get(0).port(), "", Map.of()),
                classPath.get(),
                JvmOptions.suite().flags(),
                infrastructure.environmentForOneJvm(modules, settings),
                settings.dataDir().resolve("logs"));
        services.add(process);
        modules.forEach(module -> endpoints.add(new Endpoint(process, module)));
    }

    private Infrastructure.Database postgres() {
        if (settings.jdbcUrl().isPresent()) {
            var external = settings.jdbcUrl().get();
            return new Infrastructure.Database(external.url(), external.username(), external.password());
        }
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort());
        started(new Part("PostgreSQL", server));
        return new Infrastructure.Database(
                server.jdbcUrl("postgres"), EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.PASSWORD);
    }

    private String kafka() {
        if (settings.kafkaBootstrapServers().isPresent()) {
            return settings.kafkaBootstrapServers().get();
        }
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(
                settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaPort() + 1);
        started(new Part("Kafka", broker));
        // the address the broker advertises; "localhost" may resolve to ::1 first, where it does not listen
        return broker.bootstrapServers();
    }

    private Infrastructure.Cluster kubernetes() {
        if (settings.kubeconfig().isPresent()) {
            return new Infrastructure.Cluster(settings.kubeconfig().get(), false);
        }
        // workloads move at a pace a person can follow with kubectl get pods -w
        KubernetesApiDouble api = KubernetesApiDouble.start(KubernetesApiDouble.Settings.defaults()
                .port(settings.apiServerPort())
                .workloads(WorkloadSettings.watchable()));
        started(new Part("Kubernetes API", api));
        return new Infrastructure.Cluster(api.writeKubeconfig(settings.dataDir().resolve("kubeconfig")), true);
    }

    private <T> CompletableFuture<T> inBackground(String name, Supplier<T> component) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long started = System.nanoTime();
                    T result = component.get();
                    say("  " + name + " ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    return result;
                },
                task -> new Thread(task, "start-" + name).start());
    }

    private String readyLine(Infrastructure infrastructure) {
        Map<String, String> parts = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> parts.put(
                endpoint.module().name(),
                "http://localhost:" + endpoint.module().port()));
        parts.put("kafka", infrastructure.kafkaBootstrapServers());
        parts.put(
                "kubeconfig",
                settings.root()
                        .relativize(infrastructure.cluster().kubeconfig())
                        .toString());
        parts.put("admin", settings.clusterAdmin());
        return "Local stack ready (" + endpoints.size() + " services" + (settings.oneJvm() ? " in one JVM" : "") + "): "
                + parts + " — Ctrl-C stops it.";
    }

    /** Something started that {@link #stop()} stops, last started first. */
    void started(Part part) {
        running.push(part);
    }

    /**
     * Stops services first, then the infrastructure, last started first, one line per part; safe to call twice. A
     * service stops as on SIGTERM (its own shutdown, informers stopped before the API goes), so nothing it logs on the
     * way out reaches this console.
     */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        say("Stopping the local stack");
        // services together (each gets its grace period at once), then the infrastructure they used
        services.parallelStream()
                .map(service -> "  " + service.module().name() + " " + service.stop())
                .toList()
                .forEach(LocalStack::say);
        services.clear();
        endpoints.clear();
        while (!running.isEmpty()) {
            say("  " + running.pop().stop());
        }
        say("Local stack stopped");
        stopped.countDown();
    }

    /** A service of the stack and the process that serves it. */
    private record Endpoint(ServiceProcess process, ServiceModule module) {}

    /** Something the stack started and stops: PostgreSQL, Kafka, the Kubernetes API. */
    record Part(String name, AutoCloseable closeable) {

        /** @return the line that says how it stopped; never a stack trace */
        String stop() {
            try {
                closeable.close();
                return name + " stopped";
            } catch (Exception e) {
                return name + " did not stop cleanly: " + e.getMessage();
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
