package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.util.ClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** resourceVersion semantics of watches: a window of recent changes, 410 Gone before it, bookmarks. */
class WatchWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubernetesApiDouble api = KubernetesApiDouble.start(
            KubernetesApiDouble.Settings.defaults().watchWindow(5).bookmarkInterval(Duration.ofMillis(100)));
    private final RawApi raw = new RawApi(api.url());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void watchFromAResourceVersionOlderThanTheWindowIsGone() throws Exception {
        String old = raw.get("/api/v1/namespaces/default/configmaps")
                .body()
                .path("metadata")
                .path("resourceVersion")
                .asText();
        for (int i = 0; i < 6; i++) {
            raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\": {\"name\": \"cm-" + i + "\"}}");
        }

        JsonNode first = firstEvent("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + old);

        assertThat(first.path("type").asText()).isEqualTo("ERROR");
        assertThat(first.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(first.path("object").path("reason").asText()).isEqualTo("Expired");
    }

    @Test
    void watchAllowingBookmarksGetsOneWithTheCurrentResourceVersion() throws Exception {
        String created = raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\": {\"name\": \"marked\"}}")
                .body()
                .path("metadata")
                .path("resourceVersion")
                .asText();

        JsonNode first = firstEvent(
                "/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=" + created);

        assertThat(first.path("type").asText()).isEqualTo("BOOKMARK");
        assertThat(Long.parseLong(first.path("object")
                        .path("metadata")
                        .path("resourceVersion")
                        .asText()))
                .isGreaterThanOrEqualTo(Long.parseLong(created));
    }

    @Test
    void informerWhoseResourceVersionLeftTheWindowListsAgainAndKeepsUp() throws Exception {
        raw.post("/api/v1/namespaces", "{\"metadata\": {\"name\": \"watched\"}}");
        raw.post("/api/v1/namespaces", "{\"metadata\": {\"name\": \"busy\"}}");
        var kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
        api.writeKubeconfig(kubeconfig);
        ApiClient client = ClientBuilder.kubeconfig(
                        io.kubernetes.client.util.KubeConfig.loadKubeConfig(Files.newBufferedReader(kubeconfig)))
                .build();
        // the informer's watch asks for no bookmarks: its resourceVersion moves only with its own namespace
        var factory = new SharedInformerFactory(client);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(
                params -> new CoreV1Api(client)
                        .listNamespacedConfigMap("watched")
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .buildCall(null),
                V1ConfigMap.class,
                V1ConfigMapList.class);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap configMap) {
                seen.add(configMap.getMetadata().getName());
            }

            @Override
            public void onUpdate(V1ConfigMap before, V1ConfigMap after) {}

            @Override
            public void onDelete(V1ConfigMap configMap, boolean finalStateUnknown) {}
        });
        try {
            raw.post("/api/v1/namespaces/watched/configmaps", "{\"metadata\": {\"name\": \"before\"}}");
            factory.startAllRegisteredInformers();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("before"));
            for (int i = 0; i < 10; i++) {
                raw.post("/api/v1/namespaces/busy/configmaps", "{\"metadata\": {\"name\": \"elsewhere-" + i + "\"}}");
            }

            api.endWatches();
            raw.post("/api/v1/namespaces/watched/configmaps", "{\"metadata\": {\"name\": \"after\"}}");

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after"));
            assertThat(api.expiredWatches()).isPositive();
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    private JsonNode firstEvent(String path) throws Exception {
        var response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + path + "&timeoutSeconds=5"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new BufferedReader(new InputStreamReader(response.body()))) {
            return JSON.readTree(lines.readLine());
        }
    }
}
