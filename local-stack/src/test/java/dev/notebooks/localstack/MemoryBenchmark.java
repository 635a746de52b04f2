package dev.notebooks.localstack;

import dev.notebooks.platform.testing.LocalPorts;
import dev.notebooks.platform.testing.kafka.KafkaBrokerProcess;
import dev.notebooks.platform.testing.kubernetes.KubernetesApiDouble;
import dev.notebooks.platform.testing.kubernetes.WorkloadSettings;
import dev.notebooks.platform.testing.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Memory and start-up of every service of the suite (issue 13), a program rather than a test: each service runs as its
 * own JVM with the suite's JVM options ({@link JvmOptions}, the root pom's {@code jvm.flags}), as the local stack and
 * the images run it, inside an emulated container ({@code -XX:MaxRAM}, {@code -XX:ActiveProcessorCount}), against
 * embedded PostgreSQL and Kafka and a fresh Kubernetes API double of its own. For each: the time from launch to
 * readiness, the resident set at idle, then with {@code benchmark.resources} of its resources loaded and in its caches,
 * and its peak. One service runs at a time, so none competes with another for the machine. docs/benchmarks.md says how
 * to run it and has the figures.
 */
public final class MemoryBenchmark {

    static final long LIMIT_KIB = 192 * 1024;
    static final long KUBEFLOW_KIB = 706 * 1024;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofMinutes(3);

    private final Path root;
    private final Path dataDir;
    private final int count;
    private final List<String> jvmFlags;
    private final List<String> container;
    private final boolean cds;
    private final Map<String, String> environment;
    private final Optional<List<String>> oneJvmContainer;

    MemoryBenchmark(
            Path root,
            int count,
            List<String> jvmFlags,
            List<String> container,
            boolean cds,
            Map<String, String> environment,
            Optional<List<String>> oneJvmContainer) {
        this.environment = Map.copyOf(environment);
        this.oneJvmContainer = oneJvmContainer.map(List::copyOf);
        this.root = root;
        this.dataDir = root.resolve("local-stack/target/memory-benchmark");
        this.count = count;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.container = List.copyOf(container);
        this.cds = cds;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("localstack.root", ".."))
                .toAbsolutePath()
                .normalize();
        String flags = System.getProperty("benchmark.jvm-flags", "");
        MemoryBenchmark benchmark = new MemoryBenchmark(
                root,
                Integer.getInteger("benchmark.resources", 1000),
                flags.isBlank()
                        ? JvmOptions.suite().flags()
                        : JvmOptions.parse(flags).flags(),
                JvmOptions.parse(
                                System.getProperty("benchmark.container", "-XX:MaxRAM=256m -XX:ActiveProcessorCount=1"))
                        .flags(),
                Boolean.parseBoolean(System.getProperty("benchmark.cds", "false")),
                environment(System.getProperty("benchmark.environment", "")),
                Boolean.parseBoolean(System.getProperty("benchmark.one-jvm", "false"))
                        ? Optional.of(JvmOptions.parse(System.getProperty(
                                        "benchmark.one-jvm-container", "-XX:MaxRAM=704m -XX:ActiveProcessorCount=1"))
                                .flags())
                        : Optional.empty());
        List<String> only = Arrays.stream(
                        System.getProperty("benchmark.services", "").split(","))
                .filter(name -> !name.isBlank())
                .toList();
        int exitCode = 0;
        try {
            benchmark.run(only);
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** @return {@code NAME=value} pairs separated by white space, such as {@code MALLOC_ARENA_MAX=2} */
    static Map<String, String> environment(String pairs) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        for (String pair : JvmOptions.parse(pairs).flags()) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("benchmark.environment: not NAME=value: " + pair);
            }
            environment.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return environment;
    }

    void run(List<String> only) throws Exception {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        List<ServiceModule> modules = ServiceModule.present(root).stream()
                .filter(module -> only.isEmpty() || only.contains(module.name()))
                .toList();
        say("== memory and start-up: %d resources per service, %d cores, load average %s =="
                .formatted(count, Runtime.getRuntime().availableProcessors(), loadAverage()));
        say("JVM options: " + String.join(" ", jvmFlags));
        say("container emulated with: " + String.join(" ", container) + (cds ? "; class data sharing on" : "")
                + (environment.isEmpty() ? "" : "; environment " + environment));
        List<ServiceFigures> figures = new ArrayList<>();
        List<Integer> ports = LocalPorts.free(3);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), ports.get(0));
                KafkaBrokerProcess kafka = kafka(ports.get(1), ports.get(2))) {
            var database = new Infrastructure.Database(
                    postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.PASSWORD);
            if (oneJvmContainer.isPresent()) {
                say(measureOneJvm(modules, database, kafka.bootstrapServers()));
                return;
            }
            for (ServiceModule module : modules) {
                figures.add(measure(module, database, kafka.bootstrapServers()));
                say(figures.get(figures.size() - 1).row());
            }
        }
        say(report(figures));
    }

    /**
     * The suite module's one JVM ({@code dev.notebooks.suite.Suite}) running the services together, each with its own
     * port and database, in one emulated container: the time until all are ready, the resident set at idle, then with
     * {@code count} of every service's resources loaded, one service's load after the other, and the peak.
     */
    private String measureOneJvm(List<ServiceModule> suiteModules, Infrastructure.Database database, String kafka)
            throws Exception {
        List<ServiceModule> modules = suiteModules.stream()
                .map(module -> new ServiceModule(
                        module.name(), LocalPorts.free(), module.database(), module.localEnvironment()))
                .toList();
        String classPath = ServiceProcess.suiteClassPath(root)
                .orElseThrow(() -> new IllegalStateException("package the suite module first (docs/benchmarks.md)"));
        if (cds) {
            throw new IllegalStateException("benchmark.cds is for the services apart, not benchmark.one-jvm");
        }
        List<String> flags = new ArrayList<>(oneJvmContainer.orElseThrow());
        flags.addAll(jvmFlags);
        say("one JVM, container emulated with: " + String.join(" ", oneJvmContainer.orElseThrow()));
        ServiceModule suite = new ServiceModule("suite", modules.get(0).port(), "", Map.of());
        try (Session session = Session.startSuite(this, suite, modules, classPath, flags, database, kafka)) {
            for (ServiceModule module : modules) {
                session.awaitReady(module.port());
            }
            long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - session.launched);
            TimeUnit.MILLISECONDS.sleep(QUIET.toMillis());
            long idle = session.settledRss();
            session.diagnose("idle");
            List<String> loads = new ArrayList<>();
            for (ServiceModule module : modules) {
                ResourceLoad load = ResourceLoads.of(module.name());
                JsonHttp api = JsonHttp.service(
                        module.port(), ResourceLoads.caller(module.name(), LocalStackSettings.DEFAULT_CLUSTER_ADMIN));
                long loading = System.nanoTime();
                load.load(session.kubernetes(), api, count);
                Deadline deadline = new Deadline(LOAD_TIMEOUT);
                int loaded;
                while ((loaded = load.loaded(session.kubernetes(), api)) < count) {
                    deadline.check(module.name() + " holds " + loaded + " of " + count + " " + load.resources());
                    session.requireAlive();
                    TimeUnit.SECONDS.sleep(1);
                }
                loads.add("%,d %s in %,d ms"
                        .formatted(
                                count, load.resources(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loading)));
                say("  " + module.name() + ": " + loads.get(loads.size() - 1));
            }
            TimeUnit.MILLISECONDS.sleep(QUIET.toMillis());
            long withLoad = session.settledRss();
            session.diagnose("loaded");
            long peak = Rss.peakKib(session.pid());
            return String.join(
                    "\n",
                    "",
                    "| services in one JVM | start to all ready | RSS idle | loaded | RSS loaded | peak RSS |",
                    "|---|---|---|---|---|---|",
                    "| %s | %,d ms | %.1f MiB | %,d of each | %.1f MiB | %.1f MiB |"
                            .formatted(
                                    modules.stream().map(ServiceModule::name).collect(Collectors.joining(", ")),
                                    startMillis,
                                    Rss.mib(idle),
                                    count,
                                    Rss.mib(withLoad),
                                    Rss.mib(peak)),
                    "loaded: " + String.join("; ", loads),
                    "load average at the end: " + loadAverage(),
                    "verdict: %.1f MiB with %,d of each service's resources loaded, %s Kubeflow's 706 Mi"
                            .formatted(
                                    Rss.mib(withLoad), count, withLoad < KUBEFLOW_KIB ? "PASS, under" : "FAIL, over"));
        }
    }

    /** The broker, tried three times: on a machine this busy its start can outlast the 90 s it is given. */
    private KafkaBrokerProcess kafka(int port, int controllerPort) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path dir = dataDir.resolve("kafka-" + attempt);
            try {
                return KafkaBrokerProcess.start(dir, port, controllerPort);
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                say("Kafka did not start (" + e.getMessage().lines().findFirst().orElse("") + "); again");
            }
        }
    }

    private ServiceFigures measure(ServiceModule suiteModule, Infrastructure.Database database, String kafka)
            throws Exception {
        ServiceModule module = new ServiceModule(
                suiteModule.name(), LocalPorts.free(), suiteModule.database(), suiteModule.localEnvironment());
        Path jar = module.runnableJar(root)
                .orElseThrow(() -> new IllegalStateException(
                        "no jar in " + module.name() + "/target: package the services first (docs/benchmarks.md)"));
        List<String> flags = new ArrayList<>(container);
        flags.addAll(jvmFlags);
        if (cds) {
            Path archive = dataDir.resolve(module.name() + ".jsa");
            say(module.name() + ": training run for the class data sharing archive");
            try (Session training = Session.start(this, module, jar, training(flags, archive), database, kafka)) {
                training.awaitReady();
            }
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the training run wrote no archive " + archive);
            }
            flags.add("-XX:SharedArchiveFile=" + archive);
        }
        say(module.name() + ": measuring (load average " + loadAverage() + ")");
        ResourceLoad load = ResourceLoads.of(module.name());
        try (Session session = Session.start(this, module, jar, flags, database, kafka)) {
            long startMillis = session.awaitReady();
            TimeUnit.MILLISECONDS.sleep(QUIET.toMillis());
            long idle = session.settledRss();
            session.diagnose("idle");
            long loading = System.nanoTime();
            load.load(session.kubernetes(), session.api(), count);
            Deadline deadline = new Deadline(LOAD_TIMEOUT);
            int loaded;
            while ((loaded = load.loaded(session.kubernetes(), session.api())) < count) {
                deadline.check(module.name() + " holds " + loaded + " of " + count + " " + load.resources());
                session.requireAlive();
                TimeUnit.SECONDS.sleep(1);
            }
            long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loading);
            TimeUnit.MILLISECONDS.sleep(QUIET.toMillis());
            long withLoad = session.settledRss();
            session.diagnose("loaded");
            return new ServiceFigures(
                    module.name(),
                    load.resources(),
                    count,
                    startMillis,
                    idle,
                    withLoad,
                    Rss.peakKib(session.pid()),
                    loadMillis);
        }
    }

    /** The measured run's options, plus writing the archive of every class loaded when the JVM exits. */
    private static List<String> training(List<String> flags, Path archive) {
        List<String> more = new ArrayList<>(flags);
        more.add("-XX:ArchiveClassesAtExit=" + archive);
        // a warning per class CDS cannot keep (JFR events, classes never linked) says nothing here
        more.add("-Xlog:cds=off");
        return more;
    }

    Path dataDir() {
        return dataDir;
    }

    int count() {
        return count;
    }

    private String report(List<ServiceFigures> figures) {
        long idle = figures.stream().mapToLong(ServiceFigures::idleKib).sum();
        long loaded = figures.stream().mapToLong(ServiceFigures::loadedKib).sum();
        long peak = figures.stream().mapToLong(ServiceFigures::peakKib).sum();
        Optional<ServiceFigures> largest = figures.stream().max(Comparator.comparingLong(ServiceFigures::loadedKib));
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| service | start to ready | RSS idle | loaded | RSS loaded | peak RSS | load in caches |");
        lines.add("|---|---|---|---|---|---|---|");
        figures.forEach(figure -> lines.add(figure.row()));
        lines.add("| all %d | %,d ms | %.1f MiB | | %.1f MiB | %.1f MiB | |"
                .formatted(
                        figures.size(),
                        figures.stream().mapToLong(ServiceFigures::startMillis).sum(),
                        Rss.mib(idle),
                        Rss.mib(loaded),
                        Rss.mib(peak)));
        boolean each = figures.stream().allMatch(figure -> figure.loadedKib() <= LIMIT_KIB);
        lines.add("load average at the end: " + loadAverage());
        lines.add(("verdict: %s each service within 192 MiB with %d resources loaded (largest %s, %.1f MiB); "
                        + "together %.1f MiB loaded, %s Kubeflow's 706 Mi")
                .formatted(
                        each ? "PASS," : "FAIL, not",
                        count,
                        largest.map(ServiceFigures::service).orElse("-"),
                        largest.map(figure -> Rss.mib(figure.loadedKib())).orElse(0.0),
                        Rss.mib(loaded),
                        loaded < KUBEFLOW_KIB ? "PASS, under" : "FAIL, over"));
        lines.add("the services together in one JVM (the suite module): -Dbenchmark.one-jvm=true");
        return String.join("\n", lines);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Drops the service's database, so each run migrates from nothing as a first start does. */
    static void dropDatabase(Infrastructure.Database database, String name) throws Exception {
        try (var connection = DriverManager.getConnection(database.url(), database.username(), database.password());
                var statement = connection.createStatement()) {
            // the name comes from ServiceModule, never from input
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A point in time after which waiting is a failure. */
    record Deadline(long nanos) {

        Deadline(Duration timeout) {
            this(System.nanoTime() + timeout.toNanos());
        }

        void check(String what) {
            if (System.nanoTime() > nanos) {
                throw new IllegalStateException("timed out: " + what);
            }
        }
    }

    /** One service process with a fresh Kubernetes API double and database of its own. */
    static final class Session implements AutoCloseable {

        private final KubernetesApiDouble double_;
        private final ServiceProcess process;
        private final ServiceModule module;
        private final long launched;
        private final JsonHttp kubernetes;

        private Session(KubernetesApiDouble double_, ServiceProcess process, ServiceModule module, long launched) {
            this.double_ = double_;
            this.process = process;
            this.module = module;
            this.launched = launched;
            this.kubernetes = JsonHttp.kubernetes(double_.url());
        }

        static Session start(
                MemoryBenchmark benchmark,
                ServiceModule module,
                Path jar,
                List<String> flags,
                Infrastructure.Database database,
                String kafka)
                throws Exception {
            KubernetesApiDouble api = doubleForTheLoads();
            try {
                Path dir = benchmark.dataDir().resolve(module.name());
                Infrastructure infrastructure = prepare(benchmark, api, dir, List.of(module), database, kafka);
                Map<String, String> environment = new java.util.LinkedHashMap<>(
                        infrastructure.environmentFor(module, LocalStackSettings.from(Map.of(), benchmark.root)));
                environment.putAll(benchmark.environment);
                long launched = System.nanoTime();
                ServiceProcess process = ServiceProcess.start(module, jar, flags, environment, dir);
                return new Session(api, process, module, launched);
            } catch (Exception e) {
                api.close();
                throw e;
            }
        }

        /** The one-JVM suite: a double prepared for every service's load, and each service's own database. */
        static Session startSuite(
                MemoryBenchmark benchmark,
                ServiceModule suite,
                List<ServiceModule> modules,
                String classPath,
                List<String> flags,
                Infrastructure.Database database,
                String kafka)
                throws Exception {
            KubernetesApiDouble api = doubleForTheLoads();
            try {
                Path dir = benchmark.dataDir().resolve(suite.name());
                Infrastructure infrastructure = prepare(benchmark, api, dir, modules, database, kafka);
                Map<String, String> environment = new java.util.LinkedHashMap<>(infrastructure.environmentForOneJvm(
                        modules, LocalStackSettings.from(Map.of(), benchmark.root)));
                environment.putAll(benchmark.environment);
                long launched = System.nanoTime();
                ServiceProcess process = ServiceProcess.startSuite(suite, classPath, flags, environment, dir);
                return new Session(api, process, suite, launched);
            } catch (Exception e) {
                api.close();
                throw e;
            }
        }

        /** Each service's load prepared in the double and its database dropped; the infrastructure to point it at. */
        private static Infrastructure prepare(
                MemoryBenchmark benchmark,
                KubernetesApiDouble api,
                Path dir,
                List<ServiceModule> modules,
                Infrastructure.Database database,
                String kafka)
                throws Exception {
            Files.createDirectories(dir);
            for (ServiceModule module : modules) {
                ResourceLoads.of(module.name()).prepare(JsonHttp.kubernetes(api.url()), benchmark.count());
                dropDatabase(database, module.database());
            }
            return new Infrastructure(
                    database, kafka, new Infrastructure.Cluster(api.writeKubeconfig(dir.resolve("kubeconfig")), true));
        }

        // room for 1,000 small notebook servers, steps of a few milliseconds
        private static KubernetesApiDouble doubleForTheLoads() throws IOException {
            return KubernetesApiDouble.start(KubernetesApiDouble.Settings.defaults()
                    .workloads(WorkloadSettings.forTests()
                            .nodes(List.of(
                                    WorkloadSettings.SimulatedNode.forSharedTests("node-1"),
                                    WorkloadSettings.SimulatedNode.forSharedTests("node-2"),
                                    WorkloadSettings.SimulatedNode.forSharedTests("node-3")))));
        }

        /** Waits for the one-JVM suite's service on {@code port}. */
        void awaitReady(int port) throws Exception {
            if (!process.awaitReady(port, START_TIMEOUT, Duration.ofMillis(20))) {
                throw new IllegalStateException(
                        "the service on port " + port + " did not become ready; see " + process.log());
            }
        }

        /** @return milliseconds from launch to readiness */
        long awaitReady() throws Exception {
            if (!process.awaitReady(START_TIMEOUT, Duration.ofMillis(20))) {
                throw new IllegalStateException(module.name() + " did not become ready; see " + process.log());
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
        }

        /**
         * Writes the JVM's own account of its memory beside the service's log: the heap, and with
         * {@code -XX:NativeMemoryTracking=summary} among the options every native part, and what fills the heap (the
         * classes with the most bytes of live objects); before it, the kernel's {@code smaps_rollup} of the process.
         */
        void diagnose(String moment) throws Exception {
            Path report = process.log().resolveSibling(moment + "-memory.txt");
            Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
            // the kernel's account: Anonymous pages are the process's own; file pages (libjvm, the JDK's class
            // archive) may be shared with other JVMs of the same JDK; Pss divides shared pages among their processes
            Files.writeString(
                    report,
                    rollup + "\n" + (Files.isReadable(rollup) ? Files.readString(rollup) : "(not readable)\n"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            for (String command : List.of("GC.heap_info", "VM.native_memory summary", "GC.class_histogram")) {
                List<String> jcmd = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid())));
                jcmd.addAll(Arrays.asList(command.split(" ")));
                Process run = new ProcessBuilder(jcmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(process.log()
                                .resolveSibling(moment + "-memory.txt")
                                .toFile()))
                        .start();
                run.waitFor(60, TimeUnit.SECONDS);
            }
        }

        /** @return the resident set after a full GC, once two readings a second apart differ by under 1 MiB */
        long settledRss() throws Exception {
            Process gc = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            gc.waitFor(60, TimeUnit.SECONDS);
            long previous = Rss.kib(process.pid());
            for (int i = 0; i < 30; i++) {
                TimeUnit.SECONDS.sleep(1);
                long now = Rss.kib(process.pid());
                if (Math.abs(now - previous) < 1024) {
                    return now;
                }
                previous = now;
            }
            return previous;
        }

        void requireAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException(module.name() + " exited; see " + process.log());
            }
        }

        long pid() {
            return process.pid();
        }

        JsonHttp kubernetes() {
            return kubernetes;
        }

        JsonHttp api() {
            return JsonHttp.service(
                    module.port(), ResourceLoads.caller(module.name(), LocalStackSettings.DEFAULT_CLUSTER_ADMIN));
        }

        @Override
        public void close() {
            // the archive is written on the way out, which takes a while on a busy machine
            String stopped = process.stop(STOP_GRACE);
            if (!stopped.equals("stopped")) {
                say("  " + module.name() + " " + stopped);
            }
            double_.close();
        }
    }
}
