package dev.notebooks.profile.bench;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Counts every request other than GET (list and watch are GETs too) that a service's own {@link ApiClient} sends, by
 * the resource it writes, e.g. {@code rolebindings} or {@code profiles/status}. A request counts when it is sent,
 * whatever the answer: a write refused with 409 was still a write attempt.
 */
final class ApiWriteCounter implements Interceptor {

    /** Leader election renews its Lease every few seconds, whatever the reconciler does. */
    static final String LEASES = "leases";

    private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();
    private final AtomicLong lastReconcilerWrite = new AtomicLong(System.nanoTime());

    private ApiWriteCounter() {}

    /** Counts from now on; the client's other settings (timeouts, connection pool) stay as they are. */
    static ApiWriteCounter installOn(ApiClient client) {
        ApiWriteCounter counter = new ApiWriteCounter();
        client.setHttpClient(
                client.getHttpClient().newBuilder().addInterceptor(counter).build());
        return counter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method())) {
            String resource = resourceOf(request.url().encodedPath());
            writes.computeIfAbsent(resource, key -> new LongAdder()).increment();
            if (!LEASES.equals(resource)) {
                lastReconcilerWrite.set(System.nanoTime());
            }
        }
        return chain.proceed(request);
    }

    WriteCounts counts() {
        Map<String, Long> counts = new TreeMap<>();
        writes.forEach((resource, count) -> counts.put(resource, count.sum()));
        return new WriteCounts(counts);
    }

    /** @return System.nanoTime() of the last write other than a Lease renewal */
    long lastReconcilerWriteNanos() {
        return lastReconcilerWrite.get();
    }

    /** E.g. {@code serviceaccounts} for {@code /api/v1/namespaces/a/serviceaccounts}, {@code profiles/status} too. */
    static String resourceOf(String path) {
        List<String> segments =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.size() < 3) {
            return path;
        }
        List<String> rest = segments.subList(segments.get(0).equals("api") ? 2 : 3, segments.size());
        boolean namespaced = rest.size() >= 3
                && rest.get(0).equals("namespaces")
                && !rest.get(2).equals("status");
        List<String> resource = namespaced ? rest.subList(2, rest.size()) : rest;
        return resource.size() >= 3 ? resource.get(0) + "/" + resource.get(2) : resource.get(0);
    }
}
