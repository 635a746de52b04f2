package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores a cached object in less memory without changing what it says (equal before and after, the same JSON): empty
 * lists and maps become the JVM's shared empty ones, lists lose their spare capacity, small maps (labels, annotations,
 * selectors) become {@link CompactMap}s (quantities are shared as they are read: {@code CanonicalValues}).
 * client-java's models start every list and map empty, so with 1,000 notebooks cached notebook-service held 133,000
 * empty {@code ArrayList}s and 30,000 Gson tree maps (issue 13's memory benchmark). Cached objects are read, never changed: {@link InformerCache} hands out
 * copies, and a reader of an informer's own store that changed a list or map in place would now fail rather than
 * silently change the cache. Applied again to its own output (a resync) it changes nothing.
 */
public final class CacheCompaction implements TransformFunc {

    public static final CacheCompaction INSTANCE = new CacheCompaction();

    // the models' nesting is a dozen levels; deeper is not a Kubernetes object
    private static final int DEEPEST = 64;

    private final Map<Class<?>, List<Field>> fields = new ConcurrentHashMap<>();

    private CacheCompaction() {}

    @Override
    public KubernetesObject transform(KubernetesObject object) {
        compactFields(object, 0);
        return object;
    }

    private Object compact(Object value, int depth) {
        if (value == null || depth > DEEPEST) {
            return value;
        }
        if (value instanceof List<?> list) {
            return compactList(list, depth);
        }
        if (value instanceof Map<?, ?> map) {
            return compactMap(map, depth);
        }
        compactFields(value, depth);
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object compactList(List<?> list, int depth) {
        if (list.isEmpty()) {
            return List.of();
        }
        if (list instanceof ArrayList arrayList) {
            for (int i = 0; i < arrayList.size(); i++) {
                Object element = arrayList.get(i);
                Object compacted = compact(element, depth + 1);
                if (compacted != element) {
                    arrayList.set(i, compacted);
                }
            }
            arrayList.trimToSize();
        }
        return list;
    }

    private Object compactMap(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            return Map.of();
        }
        // Map.of's maps are compact already, and may be shared (ManagedFieldsSummary's field sets)
        if (map instanceof CompactMap || isJdkImmutable(map) || map.size() > CompactMap.LARGEST) {
            return map;
        }
        Object[] keysAndValues = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                return map;
            }
            keysAndValues[i++] = entry.getKey();
            keysAndValues[i++] = compact(entry.getValue(), depth + 1);
        }
        return new CompactMap(keysAndValues);
    }

    private void compactFields(Object object, int depth) {
        if (object == null) {
            return;
        }
        for (Field field : fieldsOf(object.getClass())) {
            try {
                Object value = field.get(object);
                Object compacted = compact(value, depth + 1);
                if (compacted != value && !Modifier.isFinal(field.getModifiers())) {
                    field.set(object, compacted);
                }
            } catch (IllegalAccessException | IllegalArgumentException e) {
                // a field this cannot write keeps its value: smaller is an optimisation, never a change
            }
        }
    }

    private List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, CacheCompaction::referenceFields);
    }

    private static List<Field> referenceFields(Class<?> type) {
        if (!isModel(type)) {
            return List.of();
        }
        List<Field> result = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.getType().isPrimitive()
                        || field.getType() == String.class) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    result.add(field);
                } catch (InaccessibleObjectException | SecurityException e) {
                    // not ours to compact
                }
            }
        }
        return List.copyOf(result);
    }

    private static boolean isJdkImmutable(Map<?, ?> map) {
        return map.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    // client-java's models and the services' own resource classes; never the JDK's or a library's internals
    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum()
                && (name.startsWith("io.kubernetes.client.openapi.models.") || name.startsWith("dev.notebooks."));
    }
}
