package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Hundreds of watches open and close while thousands of writes run: no write fails because of a watch, and each
 * watch sees every change after its start, in order. Only these writes happen on this double, so their
 * resourceVersions follow one another without a gap and a watch from R must see R+1, R+2, ...
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchStressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 2;
    private static final int WRITES_EACH = 1_500;
    private static final int WATCHERS = 4;
    private static final int EVENTS_PER_WATCH = 20;

    private final KubernetesApiDouble api = KubernetesApiDouble.start(0);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + WATCHERS);

    private final Logger doubleLogger = (Logger) LoggerFactory.getLogger("dev.notebooks.platform.testing.kubernetes");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        api.close();
        doubleLogger.detachAppender(log);
    }

    @Test
    void writesNeverFailAndEveryWatchSeesEveryLaterChangeInOrder() throws Exception {
        log.start();
        doubleLogger.addAppender(log);
        new RawApi(api.url()).post("/api/v1/namespaces", "{\"metadata\": {\"name\": \"stress\"}}");
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger watches = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < WRITES_EACH; i++) {
                    int status = post(
                            "/api/v1/namespaces/stress/configmaps",
                            "{\"metadata\": {\"name\": \"cm-" + writer + "-" + i + "\"}}");
                    if (status != 201) {
                        failures.add("write answered " + status);
                    }
                }
                return null;
            }));
        }
        List<Future<?>> watchers = new ArrayList<>();
        for (int w = 0; w < WATCHERS; w++) {
            watchers.add(threads.submit(() -> {
                while (writing.get()) {
                    watchOnce(failures);
                    watches.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        for (Future<?> watcher : watchers) {
            watcher.get();
        }

        assertThat(failures).isEmpty();
        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(watches.get()).isGreaterThanOrEqualTo(100);
        assertThat(new RawApi(api.url())
                        .get("/api/v1/namespaces/stress/configmaps")
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(WRITERS * WRITES_EACH);
    }

    private void watchOnce(ConcurrentLinkedQueue<String> failures) throws Exception {
        long from = Long.parseLong(new RawApi(api.url())
                .get("/api/v1/namespaces/stress/configmaps?limit=1")
                .body()
                .path("metadata")
                .path("resourceVersion")
                .asText());
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(api.url()
                                + "/api/v1/namespaces/stress/configmaps?watch=true&timeoutSeconds=1&resourceVersion="
                                + from))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new BufferedReader(new InputStreamReader(response.body()))) {
            long expected = from + 1;
            for (int i = 0; i < EVENTS_PER_WATCH; i++) {
                String line = lines.readLine();
                if (line == null) {
                    return;
                }
                var event = JSON.readTree(line);
                long version = Long.parseLong(event.path("object")
                        .path("metadata")
                        .path("resourceVersion")
                        .asText());
                if (!event.path("type").asText().equals("ADDED") || version != expected) {
                    failures.add("watch from " + from + " expected ADDED at " + expected + ", got " + line);
                    return;
                }
                expected++;
            }
        }
    }

    private int post(String path, String json) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(api.url() + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
