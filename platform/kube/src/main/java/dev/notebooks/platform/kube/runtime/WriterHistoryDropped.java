package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;

/**
 * For caches that never ask who wrote a field (the access decisions' Namespaces and RoleBindings): no
 * {@code metadata.managedFields} and no kubectl last-applied copy. Every service holds such a cache of the whole
 * cluster; with 1,000 profiles, profile-service's kept 51,000 maps of field sets (7.6 MiB) nobody read.
 */
public final class WriterHistoryDropped implements TransformFunc {

    public static final WriterHistoryDropped INSTANCE = new WriterHistoryDropped();

    private WriterHistoryDropped() {}

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        if (object != null && object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        return LastAppliedDropped.INSTANCE.transform(object);
    }
}
