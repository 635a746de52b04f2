package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WatchTest {

    private static final String NAMESPACE = "default";

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final CoreV1Api core = new CoreV1Api(client);

    @Test
    void watchFromAResourceVersionDoesNotReplayOlderObjects() throws Exception {
        String older = create("older");
        String resourceVersion = listResourceVersion();
        String newer = create("newer");

        try (Watch<V1ConfigMap> watch = watchFrom(resourceVersion)) {
            Watch.Response<V1ConfigMap> first = watch.next();

            assertThat(first.type).isEqualTo("ADDED");
            assertThat(first.object.getMetadata().getName()).isEqualTo(newer).isNotEqualTo(older);
        }
    }

    @Test
    void deletionOfAnOlderObjectReachesTheWatch() throws Exception {
        String older = create("deleted");
        String resourceVersion = listResourceVersion();

        try (Watch<V1ConfigMap> watch = watchFrom(resourceVersion)) {
            core.deleteNamespacedConfigMap(older, NAMESPACE).execute();
            Watch.Response<V1ConfigMap> first = watch.next();

            assertThat(first.type).isEqualTo("DELETED");
            assertThat(first.object.getMetadata().getName()).isEqualTo(older);
            assertThat(Long.parseLong(first.object.getMetadata().getResourceVersion()))
                    .isGreaterThan(Long.parseLong(resourceVersion));
        }
    }

    @Test
    void watchIsAStreamOfJsonLinesThatEndsAtItsTimeout() throws Exception {
        String resourceVersion = listResourceVersion();
        String newer = create("streamed");
        var request = HttpRequest.newBuilder(
                        URI.create(KubernetesFixture.shared().serverUrl()
                                + "/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1&resourceVersion="
                                + resourceVersion))
                .build();

        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        var lines = response.body().toList();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{").contains("\"type\":\"ADDED\"").contains("\"name\":\"" + newer + "\"");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 3000L);
    }

    private Watch<V1ConfigMap> watchFrom(String resourceVersion) throws Exception {
        return Watch.createWatch(
                client,
                core.listNamespacedConfigMap(NAMESPACE)
                        .watch(true)
                        .resourceVersion(resourceVersion)
                        .buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType());
    }

    private String listResourceVersion() throws Exception {
        return core.listNamespacedConfigMap(NAMESPACE).execute().getMetadata().getResourceVersion();
    }

    private String create(String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        core.createNamespacedConfigMap(NAMESPACE, new V1ConfigMap().metadata(new V1ObjectMeta().name(name)))
                .execute();
        return name;
    }
}
