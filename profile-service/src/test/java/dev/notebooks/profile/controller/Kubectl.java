package dev.notebooks.profile.controller;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import java.util.Optional;

/** Someone writing to the cluster behind the service's back, as kubectl would: its own field manager, no annotations. */
final class Kubectl {

    static final String FIELD_MANAGER = "kubectl-client-side-apply";

    private final ResourceClient client;

    Kubectl() {
        KubeConfiguration configuration = new KubeConfiguration(FIELD_MANAGER);
        this.client = new ResourceClient(KubernetesFixture.shared().apiClient(), configuration);
    }

    <T extends KubernetesObject> T create(ResourceType<T> type, T object) throws ApiException {
        return client.create(type, object);
    }

    <T extends KubernetesObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        try {
            return client.get(type, namespace, name);
        } catch (ApiException e) {
            throw new IllegalStateException("GET " + type.key(namespace, name) + ": HTTP " + e.getCode(), e);
        }
    }

    <T extends KubernetesObject> T require(ResourceType<T> type, String namespace, String name) {
        return get(type, namespace, name).orElseThrow(() -> new AssertionError(type.key(namespace, name) + " missing"));
    }

    /** A JSON merge patch, e.g. {@code {"spec":{"resourceQuotaSpec":{"hard":{"cpu":"4"}}}}}. */
    <T extends KubernetesObject> T patch(ResourceType<T> type, String namespace, String name, String mergePatch)
            throws ApiException {
        JsonObject patch = JsonParser.parseString(mergePatch).getAsJsonObject();
        return client.mergePatch(type, namespace, name, patch);
    }

    boolean delete(ResourceType<?> type, String namespace, String name) throws ApiException {
        return client.delete(type, namespace, name);
    }
}
