package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import java.util.List;

/**
 * What a reconciler watches: its primary resource, and the kinds of children it makes. A change to a child enqueues
 * the primary resource named by the child's controller owner reference.
 *
 * @param ownsItsNamespace for a cluster-scoped primary that owns the namespace of its name (Kubeflow's Profile): an
 *     object of a watched kind in that namespace without a controller owner reference (a contributor's RoleBinding
 *     written with kubectl) enqueues the primary too
 */
public record ReconcilerSpec<T extends KubernetesObject>(
        ResourceType<T> primary, List<ResourceType<?>> owned, boolean ownsItsNamespace) {

    public ReconcilerSpec {
        owned = List.copyOf(owned);
        if (ownsItsNamespace && primary.namespaced()) {
            throw new IllegalArgumentException(primary + " is namespaced: it cannot own the namespace of its name");
        }
    }

    public ReconcilerSpec(ResourceType<T> primary, List<ResourceType<?>> owned) {
        this(primary, owned, false);
    }

    public static <T extends KubernetesObject> ReconcilerSpec<T> of(ResourceType<T> primary, ResourceType<?>... owned) {
        return new ReconcilerSpec<>(primary, List.of(owned));
    }

    /** @return this spec, where the objects in the primary's namespace also enqueue it */
    public ReconcilerSpec<T> owningItsNamespace() {
        return new ReconcilerSpec<>(primary, owned, true);
    }

    /** @return the reconciler's name in logs, metrics and thread names, e.g. {@code profile-reconciler} */
    public String name() {
        return primary.kind().toLowerCase() + "-reconciler";
    }
}
