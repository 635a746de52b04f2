package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;

/**
 * For caches of kinds whose writers no service asks about (Events, pods): no {@code metadata.managedFields} and no kubectl
 * last-applied copy.
 */
final class WriterHistoryDropped implements TransformFunc {

    static final WriterHistoryDropped INSTANCE = new WriterHistoryDropped();

    private WriterHistoryDropped() {}

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        if (object != null && object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        return LastAppliedDropped.INSTANCE.transform(object);
    }
}
