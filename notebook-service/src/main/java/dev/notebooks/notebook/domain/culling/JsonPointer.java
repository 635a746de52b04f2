package dev.notebooks.notebook.domain.culling;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RFC 6901 JSON pointers over a parsed JSON tree of maps, lists and values. */
public final class JsonPointer {

    private JsonPointer() {}

    public static boolean isValid(String pointer) {
        return pointer != null && (pointer.isEmpty() || pointer.startsWith("/")) && !pointer.matches(".*~([^01]|$).*");
    }

    public static Optional<Object> resolve(Object tree, String pointer) {
        if (!isValid(pointer)) {
            return Optional.empty();
        }
        Object current = tree;
        if (pointer.isEmpty()) {
            return Optional.ofNullable(current);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = map.get(token);
            } else if (current instanceof List<?> list && token.matches("0|[1-9][0-9]*") && token.length() < 10) {
                int index = Integer.parseInt(token);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}
