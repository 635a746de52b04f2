package dev.notebooks.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service of the suite as the local stack runs it: its module directory, fixed port, database and the settings it
 * needs only because it runs outside a cluster.
 */
record ServiceModule(String name, int port, String database, Map<String, String> localEnvironment) {

    static final List<ServiceModule> SUITE = List.of(
            new ServiceModule("profile-service", 8081, "profile"),
            // outside a cluster, notebook servers are reached through the API server's service proxy, not cluster DNS
            new ServiceModule(
                    "notebook-service", 8082, "notebook", Map.of("NOTEBOOKS_CULLING_ACCESS", "API_SERVER_PROXY")),
            new ServiceModule("volume-service", 8083, "volume"),
            new ServiceModule("image-catalog-service", 8084, "catalog"),
            new ServiceModule("auth-service", 8085, "auth"));

    ServiceModule(String name, int port, String database) {
        this(name, port, database, Map.of());
    }

    ServiceModule {
        localEnvironment = Map.copyOf(localEnvironment);
    }

    /**
     * {@code PROFILE_SERVICE_} for profile-service: in the suite's one JVM, the prefix of the environment variables meant
     * for this service alone (the suite module's {@code SuiteMember.prefix()}).
     */
    String environmentPrefix() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** The modules of the suite that exist in this checkout as runnable services (a main class), in start order. */
    static List<ServiceModule> present(Path root) {
        return SUITE.stream()
                .filter(module -> isService(root.resolve(module.name()).resolve("pom.xml")))
                .toList();
    }

    private static boolean isService(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<exec.mainClass>");
        } catch (IOException e) {
            return false;
        }
    }

    /** The runnable jar `mvn package` made for this module (Micronaut's shaded jar, classifier {@code all}). */
    Optional<Path> runnableJar(Path root) {
        Path target = root.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(name + "-") && fileName.endsWith("-all.jar");
                    })
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
