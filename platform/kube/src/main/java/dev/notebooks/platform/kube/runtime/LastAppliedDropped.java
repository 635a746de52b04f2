package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * The informer caches keep no {@code kubectl.kubernetes.io/last-applied-configuration} annotation: kubectl's client-side
 * apply writes the whole object into it, so every object applied with kubectl (GitOps, the Kubeflow manifests) would be
 * cached twice, and no service reads it. Objects read from the API, not the cache, keep it; the services write with
 * patches that name their own keys, so the server's copy is never touched.
 */
final class LastAppliedDropped implements TransformFunc {

    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    static final LastAppliedDropped INSTANCE = new LastAppliedDropped();

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        V1ObjectMeta metadata = object == null ? null : object.getMetadata();
        // a resync hands back cached objects, whose maps CacheCompaction made read-only
        if (metadata != null
                && metadata.getAnnotations() != null
                && metadata.getAnnotations().containsKey(ANNOTATION)) {
            metadata.getAnnotations().remove(ANNOTATION);
        }
        return object;
    }
}
