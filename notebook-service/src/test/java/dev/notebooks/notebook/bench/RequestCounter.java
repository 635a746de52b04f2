package dev.notebooks.notebook.bench;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Every write the service's own {@link ApiClient} sends (any method but GET, whatever the answer), Lease renewals
 * apart: what the reconciler and the culler cost the API server.
 */
final class RequestCounter implements Interceptor {

    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<String> leaseWrites = new CopyOnWriteArrayList<>();
    private volatile long lastWrite = System.nanoTime();

    static RequestCounter on(ApiClient client) {
        RequestCounter counter = new RequestCounter();
        client.setHttpClient(
                client.getHttpClient().newBuilder().addInterceptor(counter).build());
        return counter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method())) {
            String write = request.method() + " " + kind(request.url().encodedPath());
            if (write.endsWith(" leases")) {
                leaseWrites.add(write);
            } else {
                writes.add(write);
                lastWrite = System.nanoTime();
            }
        }
        return chain.proceed(request);
    }

    int writes() {
        return writes.size();
    }

    int leaseWrites() {
        return leaseWrites.size();
    }

    /** Nanoseconds since the last write that was not a Lease renewal. */
    long quietFor() {
        return System.nanoTime() - lastWrite;
    }

    /** The writes from {@code mark} on, counted by method and resource, such as {@code PATCH notebooks/status}. */
    Map<String, Integer> byKind(int mark) {
        Map<String, Integer> counts = new TreeMap<>();
        writes.subList(mark, writes.size()).forEach(write -> counts.merge(write, 1, Integer::sum));
        return counts;
    }

    // /apis/kubeflow.org/v1/namespaces/ns/notebooks/nb/status -> notebooks/status
    private static String kind(String path) {
        String[] parts = path.split("/");
        int namespaces = -1;
        for (int i = 0; i < parts.length; i++) {
            if ("namespaces".equals(parts[i])) {
                namespaces = i;
            }
        }
        if (namespaces < 0 || namespaces + 2 >= parts.length) {
            return parts[parts.length - 1];
        }
        String resource = parts[namespaces + 2];
        return namespaces + 4 < parts.length ? resource + "/" + parts[namespaces + 4] : resource;
    }
}
