package dev.notebooks.platform.testing.kubernetes.bench;

import dev.notebooks.platform.testing.kubernetes.KubernetesApiDouble;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The API double's own figures (issue 8, docs/benchmarks.md): a list of 50 Profiles with many other objects
 * stored, and a GET of one ConfigMap among many objects, p50/p99 over plain HTTP on loopback, one request at a
 * time. A program, not a test: {@code ./mvnw -B -q -pl platform/testing -Pbenchmark test-compile exec:exec}.
 */
public final class StoreBenchmark {

    private static final int WARM_UP = 200;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService writers = Executors.newFixedThreadPool(4);

    public static void main(String[] args) throws Exception {
        int listAmong = Integer.getInteger("benchmark.list-among", 10_000);
        int getAmong = Integer.getInteger("benchmark.get-among", 100_000);
        int requests = Integer.getInteger("benchmark.requests", 1_000);
        var benchmark = new StoreBenchmark();
        try {
            benchmark.listOfProfiles(listAmong, requests);
            benchmark.getAmong(getAmong, requests);
        } finally {
            benchmark.writers.shutdownNow();
        }
    }

    private void listOfProfiles(int among, int requests) throws Exception {
        try (var api = KubernetesApiDouble.start(0)) {
            String url = api.url();
            for (int i = 0; i < 50; i++) {
                send(post(
                        url + "/apis/kubeflow.org/v1/profiles",
                        """
                        {"apiVersion":"kubeflow.org/v1","kind":"Profile","metadata":{"name":"team-%d"},\
                        "spec":{"owner":{"kind":"User","name":"u%d@example.com"}}}"""
                                .formatted(i, i)));
            }
            long fill = fill(url, among - 50);
            var latencies = measure(requests, () -> get(url + "/apis/kubeflow.org/v1/profiles"), 50);
            print("list of 50 Profiles among " + among + " objects", latencies, fill, among - 50);
        }
    }

    private void getAmong(int among, int requests) throws Exception {
        try (var api = KubernetesApiDouble.start(0)) {
            String url = api.url();
            long fill = fill(url, among);
            var latencies = measure(requests, () -> get(url + "/api/v1/namespaces/ns-7/configmaps/cm-7-100"), -1);
            print("GET of one ConfigMap among " + among + " objects", latencies, fill, among);
        }
    }

    /** ConfigMaps in namespaces of 200 each, written on 4 threads; returns the milliseconds it took. */
    private long fill(String url, int count) throws Exception {
        long started = System.nanoTime();
        int namespaces = (count + 199) / 200;
        for (int n = 0; n < namespaces; n++) {
            send(post(
                    url + "/api/v1/namespaces",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ns-" + n + "\"}}"));
        }
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(writers.submit(() -> {
                for (int i = thread; i < count - namespaces; i += 4) {
                    int n = i / 200;
                    send(post(
                            url + "/api/v1/namespaces/ns-" + n + "/configmaps",
                            """
                            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-%d-%d","labels":{"app":"bench"}},\
                            "data":{"key":"value"}}"""
                                    .formatted(n, i % 200)));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    private static long[] measure(int requests, Call call, int expectedItems) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            check(call.run(), expectedItems);
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            var response = call.run();
            micros[i] = (System.nanoTime() - started) / 1_000;
            check(response, expectedItems);
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void check(HttpResponse<String> response, int expectedItems) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        if (expectedItems >= 0) {
            int items = response.body().split("\"kind\":\"Profile\"", -1).length - 1;
            if (items != expectedItems) {
                throw new IllegalStateException("expected " + expectedItems + " Profiles, got " + items);
            }
        }
    }

    private static void print(String what, long[] micros, long fillMillis, int filled) {
        System.out.printf(
                "%s: p50 %.2f ms, p99 %.2f ms (%d requests; %d objects written in %d ms)%n",
                what,
                micros[micros.length / 2] / 1000.0,
                micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0,
                micros.length,
                filled,
                fillMillis);
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException reusedConnectionClosed) {
            // the JDK client can lose a pooled connection's answer under load (the write may have been stored);
            // this is set-up, not a measured request
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                return;
            }
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
