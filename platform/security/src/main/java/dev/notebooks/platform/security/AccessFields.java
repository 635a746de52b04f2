package dev.notebooks.platform.security;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the access cache keeps of a Namespace or RoleBinding: what an access decision reads (name, namespace, the
 * owner, user and role annotations, the role reference and subjects) and nothing else. Every service caches all of the
 * cluster's Namespaces and RoleBindings; their labels, owner references, uids, finalizers, statuses and writers' history
 * ({@code managedFields}, kubectl's last-applied copy) were most of each.
 */
final class AccessFields implements TransformFunc {

    static final AccessFields INSTANCE = new AccessFields();

    private static final List<String> ANNOTATIONS = List.of(
            KubeflowBindings.OWNER_ANNOTATION, KubeflowBindings.USER_ANNOTATION, KubeflowBindings.ROLE_ANNOTATION);

    private AccessFields() {}

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        if (object instanceof V1Namespace namespace) {
            return new V1Namespace()
                    .apiVersion(namespace.getApiVersion())
                    .kind(namespace.getKind())
                    .metadata(decided(namespace.getMetadata()));
        }
        if (object instanceof V1RoleBinding binding) {
            return new V1RoleBinding()
                    .apiVersion(binding.getApiVersion())
                    .kind(binding.getKind())
                    .metadata(decided(binding.getMetadata()))
                    .roleRef(binding.getRoleRef())
                    .subjects(binding.getSubjects());
        }
        return object;
    }

    private static V1ObjectMeta decided(V1ObjectMeta metadata) {
        if (metadata == null) {
            return null;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (metadata.getAnnotations() != null) {
            ANNOTATIONS.forEach(key -> {
                String value = metadata.getAnnotations().get(key);
                if (value != null) {
                    annotations.put(key, value);
                }
            });
        }
        return new V1ObjectMeta()
                .name(metadata.getName())
                .namespace(metadata.getNamespace())
                .resourceVersion(metadata.getResourceVersion())
                .annotations(annotations)
                .labels(null)
                .finalizers(null)
                .ownerReferences(null)
                .managedFields(null);
    }
}
