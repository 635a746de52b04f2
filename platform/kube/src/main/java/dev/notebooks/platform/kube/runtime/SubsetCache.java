package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.cache.Cache;
import java.util.List;
import java.util.function.Predicate;

/** An informer's store that holds only the objects {@code kept} accepts; one that stops being accepted is dropped. */
final class SubsetCache<T extends KubernetesObject> extends Cache<T> {

    private final Predicate<T> kept;

    SubsetCache(Predicate<T> kept) {
        this.kept = kept;
    }

    @Override
    public void add(T object) {
        if (kept.test(object)) {
            super.add(object);
        } else {
            super.delete(object);
        }
    }

    @Override
    public void update(T object) {
        add(object);
    }

    @Override
    public synchronized void replace(List<T> objects, String resourceVersion) {
        super.replace(objects.stream().filter(kept).toList(), resourceVersion);
    }
}
