package dev.notebooks.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A service of the suite as the local stack runs it: its module directory, fixed port and database. */
record ServiceModule(String name, int port, String database) {

    static final List<ServiceModule> SUITE = List.of(
            new ServiceModule("profile-service", 8081, "profile"),
            new ServiceModule("notebook-service", 8082, "notebook"),
            new ServiceModule("volume-service", 8083, "volume"),
            new ServiceModule("image-catalog-service", 8084, "catalog"),
            new ServiceModule("auth-service", 8085, "auth"));

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

    /** The runnable jar `mvn package` made for this module (Micronaut's shaded jar). */
    Optional<Path> runnableJar(Path root) {
        Path target = root.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(name + "-")
                                && fileName.endsWith(".jar")
                                && !fileName.endsWith("-sources.jar")
                                && !fileName.endsWith("-tests.jar");
                    })
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
