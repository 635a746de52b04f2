package dev.notebooks.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where fixtures keep their files: process logs beside the build output, data in temporary directories. */
public final class FixtureFiles {

    private FixtureFiles() {}

    /**
     * A fresh log file for a fixture's server process: in the module's {@code target/} when Maven runs the tests
     * (so it is there to read after a failed build), otherwise in the temporary directory.
     */
    public static Path freshLogFile(String name) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path directory = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        Path logFile = directory.resolve(name);
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logFile;
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The last lines of a log file, to put into the message of a failed start. */
    public static String tail(Path logFile, int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            var all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
