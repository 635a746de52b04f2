package dev.notebooks.platform.kube.runtime;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A projection as a service has one: its truth is one value held in memory, its target one ConfigMap. */
@Singleton
@Requires(env = ProjectionTest.ENVIRONMENT)
class ProjectedConfigMap extends Projection {

    static final String NAMESPACE = "default";
    static final String NAME = "projected-settings";
    static final String KEY = "colour";

    private final ResourceClient client;
    private final AtomicInteger passes = new AtomicInteger();
    private volatile String truth = "blue";

    // no resync at all: only a request, a lead or the target's informer can start a pass
    ProjectedConfigMap(ResourceClient client) {
        super(
                "projected-config-map",
                ProjectionTarget.object(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME),
                Duration.ZERO);
        this.client = client;
    }

    @Override
    protected void project() throws ApiException {
        passes.incrementAndGet();
        Optional<V1ConfigMap> actual = client.get(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME);
        if (actual.isEmpty()) {
            client.create(
                    ResourceTypes.CONFIG_MAP,
                    new V1ConfigMap()
                            .metadata(new V1ObjectMeta().namespace(NAMESPACE).name(NAME))
                            .data(Map.of(KEY, truth)));
            return;
        }
        Map<String, String> data = actual.get().getData();
        if (data == null || !truth.equals(data.get(KEY))) {
            JsonObject patch = MergePatchBuilder.atResourceVersion(
                            actual.get().getMetadata().getResourceVersion())
                    .put("data", KEY, truth)
                    .build();
            client.mergePatch(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME, patch);
        }
    }

    void changeTruth(String value) {
        truth = value;
        request();
    }

    String truth() {
        return truth;
    }

    int passes() {
        return passes.get();
    }
}
