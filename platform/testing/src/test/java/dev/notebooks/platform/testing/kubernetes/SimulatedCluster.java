package dev.notebooks.platform.testing.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.util.Yaml;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The official client against a simulated cluster: objects from YAML, the Events about an object, pod conditions. */
final class SimulatedCluster {

    final ApiClient client;
    final CoreV1Api core;
    final AppsV1Api apps;
    final String namespace;

    SimulatedCluster(ApiClient client, String namespacePrefix) {
        this.client = client;
        this.core = new CoreV1Api(client);
        this.apps = new AppsV1Api(client);
        this.namespace = namespacePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static SimulatedCluster shared(String namespacePrefix) {
        var cluster = new SimulatedCluster(KubernetesFixture.shared().apiClient(), namespacePrefix);
        KubernetesFixture.shared().ensureNamespaces(cluster.namespace);
        return cluster;
    }

    /** Parses YAML with {@code %s} replaced by the namespace. */
    <T> T load(Class<T> type, String yaml) {
        return Yaml.loadAs(yaml.replace("%s", namespace), type);
    }

    Optional<V1Pod> pod(String name) throws ApiException {
        try {
            return Optional.of(core.readNamespacedPod(name, namespace).execute());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    boolean ready(String podName) throws ApiException {
        return pod(podName).map(SimulatedCluster::ready).orElse(false);
    }

    static boolean ready(V1Pod pod) {
        return "Running".equals(pod.getStatus().getPhase())
                && condition(pod, "Ready")
                        .map(c -> c.getStatus().equals("True"))
                        .orElse(false);
    }

    static Optional<V1PodCondition> condition(V1Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst();
    }

    /** The Events about the object named {@code name} of {@code kind}, oldest first. */
    List<CoreV1Event> events(String kind, String name) throws ApiException {
        return core.listNamespacedEvent(namespace)
                .fieldSelector("involvedObject.kind=" + kind + ",involvedObject.name=" + name)
                .execute()
                .getItems();
    }

    List<String> reasons(String kind, String name) throws ApiException {
        return events(kind, name).stream().map(CoreV1Event::getReason).toList();
    }

    Optional<CoreV1Event> event(String kind, String name, String reason) throws ApiException {
        return events(kind, name).stream()
                .filter(e -> reason.equals(e.getReason()))
                .findFirst();
    }
}
