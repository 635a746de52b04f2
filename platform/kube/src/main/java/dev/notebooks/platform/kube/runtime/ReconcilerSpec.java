package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import java.util.List;

/**
 * What a reconciler watches: its primary resource, and the kinds of children it makes. A change to a child enqueues
 * the primary resource named by the child's controller owner reference.
 */
public record ReconcilerSpec<T extends KubernetesObject>(ResourceType<T> primary, List<ResourceType<?>> owned) {

    public ReconcilerSpec {
        owned = List.copyOf(owned);
    }

    public static <T extends KubernetesObject> ReconcilerSpec<T> of(ResourceType<T> primary, ResourceType<?>... owned) {
        return new ReconcilerSpec<>(primary, List.of(owned));
    }

    /** @return the reconciler's name in logs, metrics and thread names, e.g. {@code profile-reconciler} */
    public String name() {
        return primary.kind().toLowerCase() + "-reconciler";
    }
}
