package dev.notebooks.auth.controller;

import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dex's objects in the test Kubernetes API, read and written as an administrator (or Dex) would. */
final class DexCluster {

    private final String namespace;
    private final CoreV1Api core = new CoreV1Api(KubernetesFixture.shared().apiClient());
    private final AppsV1Api apps = new AppsV1Api(KubernetesFixture.shared().apiClient());
    private final CustomObjectsApi custom =
            new CustomObjectsApi(KubernetesFixture.shared().apiClient());

    DexCluster(String namespace) {
        this.namespace = namespace;
        KubernetesFixture.shared().ensureNamespaces(namespace);
    }

    /** The Password object as Dex would read it: its JSON as a map. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> password(String name) throws ApiException {
        try {
            return Optional.of((Map<String, Object>)
                    custom.getNamespacedCustomObject(DexNames.GROUP, "v1", namespace, "passwords", name)
                            .execute());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void createPassword(Map<String, Object> password) throws ApiException {
        custom.createNamespacedCustomObject(DexNames.GROUP, "v1", namespace, "passwords", password)
                .execute();
    }

    /** Rewrites one field of the Password object, as someone editing it with kubectl would. */
    void changePassword(String name, String field, Object value) throws ApiException {
        Map<String, Object> password =
                new java.util.LinkedHashMap<>(password(name).orElseThrow());
        password.put(field, value);
        custom.replaceNamespacedCustomObject(DexNames.GROUP, "v1", namespace, "passwords", name, password)
                .execute();
    }

    void deletePassword(String name) throws ApiException {
        custom.deleteNamespacedCustomObject(DexNames.GROUP, "v1", namespace, "passwords", name)
                .execute();
    }

    /** Dex's ConfigMap with just this configuration, as Kubeflow's manifests install it. */
    void resetConfigMap(String configYaml) throws ApiException {
        try {
            core.deleteNamespacedConfigMap("dex", namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
        core.createNamespacedConfigMap(
                        namespace,
                        new V1ConfigMap()
                                .metadata(new V1ObjectMeta().name("dex").namespace(namespace))
                                .putDataItem("config.yaml", configYaml))
                .execute();
    }

    V1ConfigMap configMap() throws ApiException {
        return core.readNamespacedConfigMap("dex", namespace).execute();
    }

    void replaceConfigYaml(String configYaml) throws ApiException {
        V1ConfigMap configMap = configMap();
        configMap.getData().put("config.yaml", configYaml);
        core.replaceNamespacedConfigMap("dex", namespace, configMap).execute();
    }

    String configYaml() throws ApiException {
        return configMap().getData().get("config.yaml");
    }

    /** Kubeflow's Dex Deployment, reduced to what a rollout restart touches. */
    void ensureDeployment() throws ApiException {
        try {
            apps.readNamespacedDeployment("dex", namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            Map<String, String> labels = Map.of("app", "dex");
            apps.createNamespacedDeployment(
                            namespace,
                            new V1Deployment()
                                    .metadata(new V1ObjectMeta().name("dex").namespace(namespace))
                                    .spec(new V1DeploymentSpec()
                                            .replicas(1)
                                            .selector(new V1LabelSelector().matchLabels(labels))
                                            .template(new V1PodTemplateSpec()
                                                    .metadata(new V1ObjectMeta().labels(labels))
                                                    .spec(new V1PodSpec()
                                                            .containers(List.of(new V1Container()
                                                                    .name("dex")
                                                                    .image("ghcr.io/dexidp/dex:v2.45.0")))))))
                    .execute();
        }
    }

    /** @return the pod template's restart annotation, null before the first restart */
    String restartedAt() throws ApiException {
        Map<String, String> annotations = apps.readNamespacedDeployment("dex", namespace)
                .execute()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
        return annotations == null ? null : annotations.get(DexNames.RESTARTED_AT);
    }
}
