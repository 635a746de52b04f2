package dev.notebooks.localstack;

/**
 * What the memory benchmark measured of one service.
 *
 * @param service the module, such as {@code profile-service}
 * @param resources what was loaded, such as {@code profiles}
 * @param count how many
 * @param startMillis from the JVM's launch to {@code /health/readiness} answering 200
 * @param idleKib resident set at idle, after a GC and once it stopped moving
 * @param loadedKib resident set with {@code count} resources in the service's caches, measured the same way
 * @param peakKib the most the process held at any moment ({@code VmHWM}), what a container limit must allow
 * @param loadMillis from the first write of the load until the service held every resource
 */
record ServiceFigures(
        String service,
        String resources,
        int count,
        long startMillis,
        long idleKib,
        long loadedKib,
        long peakKib,
        long loadMillis) {

    String row() {
        return "| %s | %,d ms | %.1f MiB | %,d %s | %.1f MiB | %.1f MiB | %,d ms |"
                .formatted(
                        service,
                        startMillis,
                        Rss.mib(idleKib),
                        count,
                        resources,
                        Rss.mib(loadedKib),
                        Rss.mib(peakKib),
                        loadMillis);
    }
}
