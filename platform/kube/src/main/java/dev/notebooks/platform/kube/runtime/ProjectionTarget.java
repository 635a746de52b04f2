package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Projection} keeps equal to its truth, and so what it watches: one object by name, or every object of a
 * kind in one namespace (such as Dex's Password objects). Its informer lists and watches only that, so a service needs
 * no cluster-wide read of the kind.
 *
 * @param namespace the namespace; null for a cluster-scoped kind
 * @param name the one object's name; null for every object of the kind in the namespace
 */
public record ProjectionTarget<T extends KubernetesObject>(ResourceType<T> type, String namespace, String name) {

    public ProjectionTarget {
        Objects.requireNonNull(type, "type");
        if (type.namespaced() && (namespace == null || namespace.isBlank())) {
            throw new IllegalArgumentException(type.kind() + " is namespaced: a projection's target needs a namespace");
        }
    }

    /** @return the one object {@code namespace/name} of the kind */
    public static <T extends KubernetesObject> ProjectionTarget<T> object(
            ResourceType<T> type, String namespace, String name) {
        return new ProjectionTarget<>(type, namespace, Objects.requireNonNull(name, "name"));
    }

    /** @return every object of the kind in the namespace */
    public static <T extends KubernetesObject> ProjectionTarget<T> everyIn(ResourceType<T> type, String namespace) {
        return new ProjectionTarget<>(type, namespace, null);
    }

    /** @return {@code metadata.name=...} for one object; empty for a whole namespace */
    public Optional<String> fieldSelector() {
        return Optional.ofNullable(name).map(one -> "metadata.name=" + one);
    }

    @Override
    public String toString() {
        String where = namespace == null ? "" : namespace + "/";
        return type.kind() + " " + where + (name == null ? "*" : name);
    }
}
