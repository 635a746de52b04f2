package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * What a reconciler watches: its primary resource, the kinds of children it makes, and kinds it only reads. A change to
 * a child enqueues the primary resource named by the child's controller owner reference; a change to a related object
 * enqueues the primary resources its mapping names.
 *
 * @param ownsItsNamespace for a cluster-scoped primary that owns the namespace of its name (Kubeflow's Profile): an
 *     object of a watched kind in that namespace without a controller owner reference (a contributor's RoleBinding
 *     written with kubectl) enqueues the primary too
 */
public record ReconcilerSpec<T extends KubernetesObject>(
        ResourceType<T> primary, List<ResourceType<?>> owned, List<Related<?>> related, boolean ownsItsNamespace) {

    public ReconcilerSpec {
        owned = List.copyOf(owned);
        related = List.copyOf(related);
        if (ownsItsNamespace && primary.namespaced()) {
            throw new IllegalArgumentException(primary + " is namespaced: it cannot own the namespace of its name");
        }
    }

    public ReconcilerSpec(ResourceType<T> primary, List<ResourceType<?>> owned) {
        this(primary, owned, List.of(), false);
    }

    public static <T extends KubernetesObject> ReconcilerSpec<T> of(ResourceType<T> primary, ResourceType<?>... owned) {
        return new ReconcilerSpec<>(primary, List.of(owned));
    }

    /** The same spec, also watching {@code type} and reconciling the primaries {@code primaries} names for it. */
    public <C extends KubernetesObject> ReconcilerSpec<T> watching(
            ResourceType<C> type, Function<C, Collection<String>> primaries) {
        List<Related<?>> more = new ArrayList<>(related);
        more.add(new Related<>(type, primaries));
        return new ReconcilerSpec<>(primary, owned, more, ownsItsNamespace);
    }

    /** @return this spec, where the objects in the primary's namespace also enqueue it */
    public ReconcilerSpec<T> owningItsNamespace() {
        return new ReconcilerSpec<>(primary, owned, related, true);
    }

    /** @return the reconciler's name in logs, metrics and thread names, e.g. {@code profile-reconciler} */
    public String name() {
        return primary.kind().toLowerCase() + "-reconciler";
    }

    /** Every kind watched: the primary, the owned kinds and the related ones. */
    public List<ResourceType<?>> watchedTypes() {
        List<ResourceType<?>> types = new ArrayList<>(owned);
        related.forEach(watched -> types.add(watched.type()));
        types.add(primary);
        return types;
    }

    /**
     * A kind the reconciler reads but does not own, such as the pods of a StatefulSet it owns, the Events about them, or
     * a configuration object that shapes its children.
     *
     * @param primaries the names of the primary resources to reconcile when an object of the kind changes, in the
     *     object's namespace (a cluster-scoped primary ignores it); empty for none
     */
    public record Related<C extends KubernetesObject>(
            ResourceType<C> type, Function<C, Collection<String>> primaries) {}
}
