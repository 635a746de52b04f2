package dev.notebooks.profile.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** A year of one profile's hourly rows read back over real HTTP, one request at a time, timed by the caller. */
final class UsageReadLatency {

    static final String ADMIN = "usage-admin@example.com";
    private static final String USERID_HEADER = "kubeflow-userid";

    /**
     * @param bytes the size of one answer
     * @param rows the rows in one answer
     */
    record Latency(String format, long bytes, long rows, int requests, Duration p50, Duration p99) {}

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI usage;

    UsageReadLatency(ApplicationContext service, String profile) {
        this.usage = service.getBean(EmbeddedServer.class)
                .getURI()
                .resolve("/api/profiles/%s/usage?from=%s&to=%s&granularity=hour"
                        .formatted(profile, UsageWorkload.YEAR, UsageWorkload.YEAR_END));
    }

    Latency measure(String accept, int warmUp, int requests) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            get(accept);
        }
        long[] nanos = new long[requests];
        HttpResponse<String> first = null;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(accept);
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + usage + ": " + response.statusCode() + " " + response.body());
            }
            if (first == null) {
                first = response;
            }
        }
        Arrays.sort(nanos);
        String body = first.body();
        long rows = accept.equals("text/csv") ? body.lines().count() - 1 : body.split("\"period\"", -1).length - 1;
        return new Latency(accept, body.length(), rows, requests, percentile(nanos, 50), percentile(nanos, 99));
    }

    private HttpResponse<String> get(String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(usage)
                .header(USERID_HEADER, ADMIN)
                .header("Accept", accept)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Nearest rank: the smallest value at least {@code percent} % of the values are at or below. */
    private static Duration percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }
}
