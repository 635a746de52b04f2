package dev.notebooks.notebook.domain.children;

import java.util.Map;
import java.util.TreeMap;

final class Maps {

    private Maps() {}

    static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /** Theirs with ours on top: what others added stays. */
    static Map<String, String> union(Map<String, String> theirs, Map<String, String> ours) {
        Map<String, String> result = new TreeMap<>(orEmpty(theirs));
        result.putAll(orEmpty(ours));
        return result;
    }

    static boolean containsAll(Map<String, String> actual, Map<String, String> desired) {
        return orEmpty(actual).entrySet().containsAll(orEmpty(desired).entrySet());
    }
}
