package dev.notebooks.notebook;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Every write (any request but GET) the service's own {@link ApiClient} sends, but Lease renewals: what a reconciler
 * costs the API server. Installed once per client; {@link #since} counts from a mark.
 */
public final class ApiWrites implements Interceptor {

    private final List<String> writes = new CopyOnWriteArrayList<>();

    private ApiWrites() {}

    public static synchronized ApiWrites on(ApiClient client) {
        for (Interceptor interceptor : client.getHttpClient().interceptors()) {
            if (interceptor instanceof ApiWrites existing) {
                return existing;
            }
        }
        ApiWrites counter = new ApiWrites();
        client.setHttpClient(
                client.getHttpClient().newBuilder().addInterceptor(counter).build());
        return counter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        if (!"GET".equals(request.method()) && !path.contains("/leases")) {
            writes.add(request.method() + " " + path);
        }
        return chain.proceed(request);
    }

    /** A mark to count from. */
    public int mark() {
        return writes.size();
    }

    /** The writes since the mark whose path contains {@code part} (such as a notebook's name). */
    public List<String> since(int mark, String part) {
        return writes.subList(mark, writes.size()).stream()
                .filter(write -> write.contains(part))
                .toList();
    }
}
