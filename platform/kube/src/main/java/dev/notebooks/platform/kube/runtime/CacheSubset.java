package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;

/**
 * The part of a watched kind that a service's cache keeps, for a service that reads only some of what it must watch. A
 * bean of this type makes the {@link InformerCache} keep only the objects of {@link #type()} that {@link #keeps}
 * accepts. The informer's handlers still see every object as it arrives or changes (as an addition when it is not
 * kept), so a reconciler's mapping can act on it; an object not kept is not delivered again when it is deleted.
 */
public interface CacheSubset<T extends KubernetesObject> {

    ResourceType<T> type();

    /** @return whether the cache keeps the object (as its informer delivers it, after the cache's transform) */
    boolean keeps(T object);
}
