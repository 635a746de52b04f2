package dev.notebooks.platform.security;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGenerator;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Lists and watches one resource for an informer. Watches run on a copy of the shared client's HTTP client with
 * no read timeout (a watch is idle for minutes), so the shared {@link ApiClient} keeps its own timeouts.
 */
final class ListWatch<T extends KubernetesObject, L extends KubernetesListObject> implements ListerWatcher<T, L> {

    private final ApiClient apiClient;
    private final OkHttpClient watchHttpClient;
    private final Class<T> itemType;
    private final Class<L> listType;
    private final CallGenerator calls;

    ListWatch(ApiClient apiClient, Class<T> itemType, Class<L> listType, CallGenerator calls) {
        this.apiClient = apiClient;
        this.watchHttpClient = apiClient
                .getHttpClient()
                .newBuilder()
                .readTimeout(Duration.ZERO)
                .build();
        this.itemType = itemType;
        this.listType = listType;
        this.calls = calls;
    }

    @Override
    public L list(CallGeneratorParams params) throws ApiException {
        return apiClient.<L>execute(calls.generate(params), listType).getData();
    }

    @Override
    public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
        var call = watchHttpClient.newCall(calls.generate(params).request());
        return Watch.createWatch(
                apiClient,
                call,
                TypeToken.getParameterized(Watch.Response.class, itemType).getType());
    }
}
