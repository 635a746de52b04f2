package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;

/**
 * The part of a watched kind that a service's cache keeps, for a service that reads only some of what it must watch: a
 * bean of this type makes the {@link InformerCache} keep only the objects of {@link #type()} that {@link #keeps}
 * accepts, each in the {@link #form} the service reads. The informer's handlers see every object as it arrives or
 * changes, in that form (an object not kept as an addition, and not again when it is deleted), so a reconciler's mapping
 * can act on it.
 */
public interface CachedPart<T extends KubernetesObject> {

    ResourceType<T> type();

    /** @return whether the cache keeps the object (in its {@link #form}); every object unless overridden */
    default boolean keeps(T object) {
        return true;
    }

    /**
     * @param object as read from the API server, or as this cache already holds it (a resync hands it back)
     * @return what the service reads of it; the object itself unless overridden. It may be changed in place.
     */
    default T form(T object) {
        return object;
    }
}
