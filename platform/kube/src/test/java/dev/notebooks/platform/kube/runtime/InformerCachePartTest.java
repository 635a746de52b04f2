package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kind of which the service keeps a part: the handlers see every object, the cache holds only the kept ones, and both
 * see them in the service's form.
 */
class InformerCachePartTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final ApiClient apiClient = KubernetesFixture.shared().apiClient();
    private final ResourceClient kubectl = new ResourceClient(apiClient, new KubeConfiguration("kubectl"));
    private final String namespace = "subset-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private InformerCache cache;

    private static final CachedPart<V1ConfigMap> LABELLED_KEEP = new CachedPart<>() {
        @Override
        public ResourceType<V1ConfigMap> type() {
            return ResourceTypes.CONFIG_MAP;
        }

        @Override
        public boolean keeps(V1ConfigMap configMap) {
            Map<String, String> labels = configMap.getMetadata().getLabels();
            return labels != null && "yes".equals(labels.get("keep"));
        }

        @Override
        public V1ConfigMap form(V1ConfigMap configMap) {
            return configMap.data(null);
        }
    };

    @BeforeEach
    void start() {
        KubernetesFixture.shared().ensureNamespaces(namespace);
        cache = new InformerCache(new SharedInformerFactory(apiClient), apiClient, List.of(LABELLED_KEEP));
        cache.informer(ResourceTypes.CONFIG_MAP, Duration.ZERO).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap object) {
                seen.add(object.getMetadata().getName() + "@"
                        + object.getMetadata().getResourceVersion());
            }

            @Override
            public void onUpdate(V1ConfigMap before, V1ConfigMap after) {
                onAdd(after);
            }

            @Override
            public void onDelete(V1ConfigMap object, boolean finalStateUnknown) {
                seen.add(object.getMetadata().getName() + " deleted");
            }
        });
        cache.start();
        await().atMost(PROMPTLY).until(() -> cache.hasSynced(List.of(ResourceTypes.CONFIG_MAP)));
    }

    @AfterEach
    void stop() {
        cache.stop();
    }

    @Test
    void theHandlersSeeEveryObjectAndTheCacheHoldsOnlyTheKeptOnesBothInTheServicesForm() throws ApiException {
        V1ConfigMap kept = create("kept", "yes");
        V1ConfigMap passing = create("passing", "no");

        await().atMost(PROMPTLY)
                .until(() -> seen.containsAll(List.of(
                        "kept@" + kept.getMetadata().getResourceVersion(),
                        "passing@" + passing.getMetadata().getResourceVersion())));
        assertThat(cache.list(ResourceTypes.CONFIG_MAP, namespace))
                .extracting(configMap -> configMap.getMetadata().getName())
                .containsExactly("kept");
        assertThat(cache.contains(ResourceTypes.CONFIG_MAP, namespace, "kept")).isTrue();
        assertThat(cache.contains(ResourceTypes.CONFIG_MAP, namespace, "passing"))
                .isFalse();
        assertThat(cache.get(ResourceTypes.CONFIG_MAP, namespace, "passing")).isEmpty();
        assertThat(cache.get(ResourceTypes.CONFIG_MAP, namespace, "kept")
                        .orElseThrow()
                        .getData())
                .as("kept in the service's form")
                .isNullOrEmpty();
        assertThat(seen).doesNotContain("kept with its data", "passing with its data");
    }

    @Test
    void anObjectNoLongerKeptLeavesTheCacheAndOneNowKeptEntersIt() throws ApiException {
        create("first", "yes");
        create("second", "no");
        await().atMost(PROMPTLY).until(() -> cache.contains(ResourceTypes.CONFIG_MAP, namespace, "first"));

        V1ConfigMap first = relabel("first", "no");
        V1ConfigMap second = relabel("second", "yes");

        // the cache changes before the handlers hear of it: wait for both
        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertThat(cache.list(ResourceTypes.CONFIG_MAP, namespace))
                    .extracting(configMap -> configMap.getMetadata().getName())
                    .containsExactly("second");
            assertThat(seen)
                    .contains(
                            "first@" + first.getMetadata().getResourceVersion(),
                            "second@" + second.getMetadata().getResourceVersion());
        });
    }

    @Test
    void onlyTheDeletionOfAKeptObjectIsDelivered() throws ApiException {
        create("kept", "yes");
        V1ConfigMap passing = create("passing", "no");
        await().atMost(PROMPTLY)
                .until(() -> cache.contains(ResourceTypes.CONFIG_MAP, namespace, "kept")
                        && seen.contains("passing@" + passing.getMetadata().getResourceVersion()));

        kubectl.delete(ResourceTypes.CONFIG_MAP, namespace, "passing");
        kubectl.delete(ResourceTypes.CONFIG_MAP, namespace, "kept");

        await().atMost(PROMPTLY).until(() -> seen.contains("kept deleted"));
        assertThat(seen).doesNotContain("passing deleted");
        assertThat(cache.list(ResourceTypes.CONFIG_MAP, namespace)).isEmpty();
    }

    private V1ConfigMap create(String name, String keep) throws ApiException {
        return kubectl.create(
                ResourceTypes.CONFIG_MAP,
                new V1ConfigMap()
                        .metadata(new V1ObjectMeta()
                                .name(name)
                                .namespace(namespace)
                                .labels(Map.of("keep", keep)))
                        .data(Map.of("a", "b")));
    }

    private V1ConfigMap relabel(String name, String keep) throws ApiException {
        return kubectl.mergePatch(
                ResourceTypes.CONFIG_MAP,
                namespace,
                name,
                JsonParser.parseString("{\"metadata\":{\"labels\":{\"keep\":\"" + keep + "\"}}}")
                        .getAsJsonObject());
    }
}
