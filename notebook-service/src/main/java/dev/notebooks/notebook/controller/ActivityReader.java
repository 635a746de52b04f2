package dev.notebooks.notebook.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.notebooks.notebook.CullingSettings;
import dev.notebooks.notebook.NotebookSettings;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.children.NotebookServiceObject;
import dev.notebooks.notebook.domain.culling.Activities;
import dev.notebooks.notebook.domain.culling.ActivityReading;
import dev.notebooks.notebook.domain.culling.ActivitySource;
import dev.notebooks.notebook.domain.culling.CodeServerHealth;
import dev.notebooks.notebook.domain.culling.JsonPointer;
import dev.notebooks.notebook.domain.culling.Kernel;
import dev.notebooks.notebook.domain.culling.Terminal;
import dev.notebooks.platform.events.EventJson;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads a notebook server's activity over HTTP from its Service: by cluster DNS ({@code http://<name>.<ns>.svc.<domain>})
 * in a cluster, or through the API server's service proxy from outside one (the local stack). The API server's
 * credentials go only to the API server, never to a notebook server.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class ActivityReader {

    private final CullingSettings settings;
    private final String clusterDomain;
    private final ApiClient apiClient;
    private final OkHttpClient direct;
    private final OkHttpClient proxied;

    ActivityReader(CullingSettings settings, NotebookSettings notebookSettings, ApiClient apiClient) {
        this.settings = settings;
        this.clusterDomain = notebookSettings.getIstio().getClusterDomain();
        this.apiClient = apiClient;
        long timeout = settings.getRequestTimeout().toMillis();
        this.direct = new OkHttpClient.Builder()
                .callTimeout(timeout, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .build();
        this.proxied = apiClient
                .getHttpClient()
                .newBuilder()
                .callTimeout(timeout, TimeUnit.MILLISECONDS)
                .build();
    }

    ActivityReading read(Notebook notebook, ActivitySource source, Instant now) {
        if (source instanceof ActivitySource.None none) {
            return new ActivityReading.Unavailable(none.reason());
        }
        try {
            if (source instanceof ActivitySource.JupyterApi jupyter) {
                Optional<String> kernels = get(notebook, jupyter.kernelsPath());
                if (kernels.isEmpty()) {
                    return new ActivityReading.Unavailable(
                            "Jupyter's " + jupyter.kernelsPath() + " did not answer 200");
                }
                // a server with terminals turned off has no /api/terminals: its kernels still tell
                List<Terminal> terminals = get(notebook, jupyter.terminalsPath())
                        .map(ActivityReader::terminals)
                        .orElse(List.of());
                return Activities.jupyter(kernels(kernels.get()), terminals, now);
            }
            if (source instanceof ActivitySource.CodeServerHeartbeat heartbeat) {
                Optional<String> health = get(notebook, heartbeat.path());
                if (health.isEmpty()) {
                    return new ActivityReading.Unavailable("code-server's " + heartbeat.path() + " did not answer 200");
                }
                return Activities.codeServer(EventJson.MAPPER.readValue(health.get(), CodeServerHealth.class));
            }
            ActivitySource.HttpProbe probe = (ActivitySource.HttpProbe) source;
            Optional<String> body = get(notebook, probe.path());
            if (body.isEmpty()) {
                return new ActivityReading.Unavailable("the probe " + probe.path() + " did not answer 200");
            }
            Object tree = EventJson.MAPPER.readValue(body.get(), Object.class);
            return Activities.probe(JsonPointer.resolve(tree, probe.pointer()).orElse(null), probe.pointer());
        } catch (IOException | RuntimeException e) {
            return new ActivityReading.Unavailable("the server's answer could not be read: " + e.getMessage());
        }
    }

    /** @return the body of a 200 answer; empty for any other answer */
    private Optional<String> get(Notebook notebook, String path) throws IOException {
        Call call = settings.getAccess() == CullingSettings.Access.API_SERVER_PROXY
                ? proxyCall(notebook, path)
                : direct.newCall(new Request.Builder()
                        .url("http://" + notebook.name() + "." + notebook.namespace() + ".svc." + clusterDomain + path)
                        .get()
                        .build());
        try (Response response = call.execute()) {
            if (response.code() != 200 || response.body() == null) {
                return Optional.empty();
            }
            return Optional.of(response.body().string());
        }
    }

    private Call proxyCall(Notebook notebook, String path) throws IOException {
        String proxy = "/api/v1/namespaces/" + notebook.namespace() + "/services/" + notebook.name() + ":"
                + NotebookServiceObject.portName(notebook.name()) + "/proxy" + path;
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        try {
            Request request = apiClient
                    .buildCall(
                            null,
                            proxy,
                            "GET",
                            List.of(),
                            List.of(),
                            null,
                            headers,
                            new HashMap<>(),
                            new HashMap<>(),
                            new String[] {"BearerToken"},
                            null)
                    .request();
            return proxied.newCall(request);
        } catch (ApiException e) {
            throw new IOException(e);
        }
    }

    private static List<Kernel> kernels(String body) {
        try {
            List<Map<String, Object>> items = EventJson.MAPPER.readValue(body, new TypeReference<>() {});
            return items.stream()
                    .filter(Objects::nonNull)
                    .map(item -> new Kernel(
                            text(item.get("id")),
                            text(item.get("name")),
                            text(item.get("last_activity")),
                            text(item.get("execution_state")),
                            item.get("connections") instanceof Number n ? n.intValue() : null))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a list of kernels", e);
        }
    }

    private static List<Terminal> terminals(String body) {
        try {
            List<Map<String, Object>> items = EventJson.MAPPER.readValue(body, new TypeReference<>() {});
            return items.stream()
                    .filter(Objects::nonNull)
                    .map(item -> new Terminal(text(item.get("name")), text(item.get("last_activity"))))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
