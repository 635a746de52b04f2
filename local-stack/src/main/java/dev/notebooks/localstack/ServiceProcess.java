package dev.notebooks.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service running as its own process, as it would be deployed, with its output in a log file. */
final class ServiceProcess {

    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";
    private static final String SUITE_MAIN_CLASS = "dev.notebooks.suite.Suite";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceModule module;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceModule module, Process process, Path log) {
        this.module = module;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with the suite's JVM options ({@link JvmOptions#suite()}), as the images run it. */
    static ServiceProcess start(ServiceModule module, Path jar, Map<String, String> environment, Path logDir)
            throws IOException {
        return start(module, jar, JvmOptions.suite().flags(), environment, logDir);
    }

    static ServiceProcess start(
            ServiceModule module, Path jar, List<String> jvmOptions, Map<String, String> environment, Path logDir)
            throws IOException {
        return launch(module, jvmOptions, List.of("-jar", jar.toString()), environment, logDir);
    }

    /** The suite module's classes and runtime class path, as `mvn package` leaves them; empty before it ran. */
    static Optional<String> suiteClassPath(Path root) throws IOException {
        Path classes = root.resolve("suite/target/classes");
        Path classPath = root.resolve("suite/target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classPath)) {
            return Optional.empty();
        }
        return Optional.of(
                classes + File.pathSeparator + Files.readString(classPath).trim());
    }

    /** Starts the suite module's one JVM from {@link #suiteClassPath}, its log named after {@code suite}. */
    static ServiceProcess startSuite(
            ServiceModule suite,
            String classPath,
            List<String> jvmOptions,
            Map<String, String> environment,
            Path logDir)
            throws IOException {
        return launch(suite, jvmOptions, List.of("-cp", classPath, SUITE_MAIN_CLASS), environment, logDir);
    }

    private static ServiceProcess launch(
            ServiceModule module,
            List<String> jvmOptions,
            List<String> program,
            Map<String, String> environment,
            Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(module.name() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // glibc gives every thread that allocates an arena of its own (up to 8 per core), which a JVM's many threads
        // turn into tens of MiB of resident memory no Java setting accounts for; the images set the same
        builder.environment().put(MALLOC_ARENA_MAX, "2");
        builder.environment().putAll(environment);
        return new ServiceProcess(module, builder.start(), log);
    }

    ServiceModule module() {
        return module;
    }

    Path log() {
        return log;
    }

    /** @return the operating system's id of the service's JVM */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until /health/readiness answers 200; false if the process died or the deadline passed. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return awaitReady(timeout, Duration.ofMillis(250));
    }

    /** As {@link #awaitReady(Duration)}, asking every {@code interval}. */
    boolean awaitReady(Duration timeout, Duration interval) throws InterruptedException {
        return awaitReady(module.port(), timeout, interval);
    }

    /** As {@link #awaitReady(Duration, Duration)} for the service on {@code port} (one of the one-JVM suite's). */
    boolean awaitReady(int port, Duration timeout, Duration interval) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYetListening) {
                // the service is still starting
            }
            Thread.sleep(interval.toMillis());
        }
        return false;
    }

    /** @return how it stopped, such as {@code stopped} or {@code killed after 10s} */
    String stop() {
        return stop(STOP_GRACE);
    }

    /** As {@link #stop()}, waiting up to {@code grace} for the service's own shutdown. */
    String stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return "killed after " + grace.toSeconds() + " s";
            }
            return "stopped";
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "killed";
        }
    }
}
