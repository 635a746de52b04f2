package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the informer caches keep of {@code metadata.managedFields}: every entry (manager, operation, time, subresource)
 * with its {@code fieldsV1} cut down to the top-level fields it owns ({@code {"f:spec":{}, "f:metadata":{}}}), one
 * shared map per set of fields. The services ask only which manager last wrote a top-level field ({@code f:spec},
 * {@code f:data}, {@code f:subjects}); the full field sets, a map per owned leaf and often larger than the object
 * itself, made up most of a cache of 1,000 resources (issue 13's memory benchmark). Objects read from the API, not
 * the cache, keep everything.
 */
final class ManagedFieldsSummary implements TransformFunc {

    static final ManagedFieldsSummary INSTANCE = new ManagedFieldsSummary();

    // a handful of shapes per kind: f:metadata, f:spec, f:status, f:data ...
    private final Map<Set<String>, Map<String, Object>> shapes = new ConcurrentHashMap<>();

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        V1ObjectMeta metadata = object == null ? null : object.getMetadata();
        if (metadata == null || metadata.getManagedFields() == null) {
            return object;
        }
        for (V1ManagedFieldsEntry entry : metadata.getManagedFields()) {
            if (entry.getFieldsV1() instanceof Map<?, ?> fields) {
                entry.setFieldsV1(topLevel(fields));
            }
        }
        return object;
    }

    private Map<String, Object> topLevel(Map<?, ?> fields) {
        Set<String> names = fields.keySet().stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        return shapes.computeIfAbsent(
                names,
                keys -> Map.copyOf(keys.stream().collect(Collectors.toMap(Function.identity(), key -> Map.of()))));
    }
}
