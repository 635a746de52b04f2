package dev.notebooks.platform.testing.kafka;

import dev.notebooks.platform.testing.FixtureFiles;
import dev.notebooks.platform.testing.LocalPorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) run as a child JVM from the Kafka jars on
 * this JVM's class path, listening on 127.0.0.1 on fixed ports, with its data in {@code <dir>/data}.
 *
 * <p>Why a process and not Kafka's in-JVM test kit: stopping a process is a real outage (connections are
 * refused, nothing stays half alive in the test JVM); it comes back on the same port with the same log directory,
 * where the kit binds new ports on restart; and the broker's threads, memory and logging cannot interfere with
 * the tests. The cost is one JVM start, a second or two.
 *
 * <p>{@link #stop()} and {@link #start()} may be called any number of times; the data survives both.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** A cold broker JVM needs a few seconds; a busy two-core machine several times that. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** A graceful shutdown takes a few seconds; after this the broker is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 60;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    /** Read without the lock by the shutdown hook, which must not wait for a start in progress. */
    private volatile Process process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort, Path logFile) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        // last resort for a JVM that exits without closing us; Kafka's own hook then shuts it down cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(this::signalStop, "kafka-broker-last-resort"));
    }

    /** Starts a broker on {@code port} (clients) and {@code controllerPort} (KRaft), logging to {@code dir/broker.log}. */
    public static KafkaBrokerProcess start(Path dir, int port, int controllerPort) {
        return start(dir, port, controllerPort, dir.resolve("broker.log"));
    }

    /** Starts a broker on {@code port} and {@code controllerPort}, appending its output to {@code logFile}. */
    public static KafkaBrokerProcess start(Path dir, int port, int controllerPort, Path logFile) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, port, controllerPort, logFile);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again after {@link #stop()}, on the same ports with the same data; waits until it serves. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (LocalPorts.inUse(port)) {
            // readiness would be judged on whatever holds the port, e.g. a broker left over from a killed run
            throw new IllegalStateException("Port " + port + " is already in use; cannot start Kafka there");
        }
        try {
            Files.createDirectories(dir);
            Path serverProperties = dir.resolve("server.properties");
            Files.write(serverProperties, serverProperties());
            process = new ProcessBuilder(command(serverProperties))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker JVM", e);
        }
        awaitReady();
    }

    /** Shuts the broker down gracefully (killed if that takes over 30 s); clients see connections refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void signalStop() {
        Process running = process;
        if (running != null) {
            running.destroy();
        }
    }

    private List<String> serverProperties() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dir.resolve("data").toAbsolutePath().toString());
        config.put("auto.create.topics.enable", "true");
        config.put("num.partitions", "1");
        // one broker: every internal topic has one replica, and one partition is plenty
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // consumers join a group at once instead of waiting 3 s for more members
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .toList();
    }

    private List<String> command(Path serverProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a broker for tests and local runs: quick start-up matters more than peak throughput
        command.addAll(List.of(
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=dev/notebooks/platform/testing/kafka/broker-logback.xml",
                "-cp",
                classPath(),
                KafkaBrokerMain.class.getName(),
                serverProperties.toAbsolutePath().toString()));
        return command;
    }

    /**
     * The class path that holds the Kafka jars in this JVM. Usually {@code java.class.path}, passed on unchanged
     * even when surefire made it a manifest-only jar (its manifest's Class-Path works in the child as well). Code
     * loaded by an isolated URL class loader (e.g. {@code mvn exec:java}) passes that loader's URLs instead.
     */
    private static String classPath() {
        if (KafkaBrokerProcess.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs())
                    .map(KafkaBrokerProcess::toPath)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Not a file on the class path: " + url, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // wait quietly for the listener first: an admin client retrying against a closed port logs a warning each time
        while (!LocalPorts.inUse(port)) {
            checkAlive(deadline);
            pause();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                checkAlive(deadline);
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(1, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // the broker accepts connections before it serves requests
                    pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private void checkAlive(long deadline) {
        if (!process.isAlive()) {
            throw failure("Kafka broker exited with code " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw failure(
                    "Kafka broker not ready on " + bootstrapServers() + " after " + READY_TIMEOUT.toSeconds() + " s");
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; end of " + logFile + ":" + System.lineSeparator()
                + FixtureFiles.tail(logFile, LOG_TAIL_LINES));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
