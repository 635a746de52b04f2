package dev.notebooks.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a process holds in memory, as the kernel counts it against a container's limit. */
final class Rss {

    private Rss() {}

    /** @return the process's resident set ({@code VmRSS} of {@code /proc/<pid>/status}) in KiB */
    static long kib(long pid) throws IOException {
        return field(pid, "VmRSS:");
    }

    /** @return the most the process has held since it started ({@code VmHWM}) in KiB */
    static long peakKib(long pid) throws IOException {
        return field(pid, "VmHWM:");
    }

    private static long field(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + name + " for process " + pid);
    }

    static double mib(long kib) {
        return kib / 1024.0;
    }
}
