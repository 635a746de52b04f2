package dev.notebooks.platform.kube;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import java.util.Objects;

/**
 * A kind of Kubernetes object spelled out in full, so nothing depends on API discovery: its group, version, kind and
 * plural, the Java classes of one object and of a list, and whether it lives in a namespace.
 *
 * @param group the API group, empty for the core group
 */
public record ResourceType<T extends KubernetesObject>(
        String group,
        String version,
        String kind,
        String plural,
        Class<T> apiClass,
        Class<? extends KubernetesListObject> listClass,
        boolean namespaced) {

    public ResourceType {
        Objects.requireNonNull(group, "group (empty for the core group)");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(apiClass, "apiClass");
        Objects.requireNonNull(listClass, "listClass");
    }

    public static <T extends KubernetesObject> ResourceType<T> namespaced(
            String group,
            String version,
            String kind,
            String plural,
            Class<T> apiClass,
            Class<? extends KubernetesListObject> listClass) {
        return new ResourceType<>(group, version, kind, plural, apiClass, listClass, true);
    }

    public static <T extends KubernetesObject> ResourceType<T> clusterScoped(
            String group,
            String version,
            String kind,
            String plural,
            Class<T> apiClass,
            Class<? extends KubernetesListObject> listClass) {
        return new ResourceType<>(group, version, kind, plural, apiClass, listClass, false);
    }

    /** @return {@code group/version}, or just the version for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** @return the REST path of the objects in a namespace (or of all, cluster-scoped), e.g. {@code /api/v1/namespaces}. */
    public String collectionPath(String namespace) {
        if (namespaced && (namespace == null || namespace.isEmpty())) {
            throw new IllegalArgumentException(kind + " is namespaced: a namespace is required");
        }
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        String scope = namespaced ? "/namespaces/" + namespace : "";
        return root + scope + "/" + plural;
    }

    /** @return the REST path of one object, e.g. {@code /apis/kubeflow.org/v1/profiles/alice}. */
    public String path(String namespace, String name) {
        return collectionPath(namespace) + "/" + name;
    }

    /** @return {@code namespace/name}, or the name of a cluster-scoped object: how logs and caches name it. */
    public String key(String namespace, String name) {
        return namespaced && namespace != null ? namespace + "/" + name : name;
    }

    @Override
    public String toString() {
        return plural + (group.isEmpty() ? "" : "." + group) + "/" + version;
    }
}
