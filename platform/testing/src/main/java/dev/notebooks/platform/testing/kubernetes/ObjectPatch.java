package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH body applied to a stored object as a real API server applies it: JSON merge patch (RFC 7386), JSON patch
 * (RFC 6902: every operation or none) and, for built-in kinds, strategic merge patch with Kubernetes' merge keys
 * ({@link PatchStrategies}) and its directives ({@code $patch: replace|delete|merge}, {@code $retainKeys},
 * {@code $setElementOrder/<list>}, {@code $deleteFromPrimitiveList/<list>}).
 */
final class ObjectPatch {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    private static final String DIRECTIVE = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

    private ObjectPatch() {}

    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code object} with {@code patch} applied; neither is changed. {@code model} is the client-java model of a
     * built-in kind (strategic merge patch needs it), empty for a custom resource.
     */
    static JsonNode apply(String contentType, String patch, JsonNode object, Optional<Class<?>> model) throws ApiError {
        JsonNode parsed;
        try {
            parsed = Json.parse(patch);
        } catch (JsonProcessingException notJson) {
            throw ApiError.badRequest("the patch is not JSON: " + notJson.getOriginalMessage());
        }
        return switch (mediaType(contentType)) {
            case JSON_PATCH -> jsonPatched(object, parsed);
            case MERGE_PATCH -> {
                requireObject(parsed);
                yield mergePatched(object, parsed);
            }
            case STRATEGIC_MERGE_PATCH -> {
                requireObject(parsed);
                yield strategic((ObjectNode) object, (ObjectNode) parsed, model.orElse(null));
            }
            default -> throw ApiError.unsupportedMediaType(contentType);
        };
    }

    private static void requireObject(JsonNode patch) throws ApiError {
        if (!patch.isObject()) {
            throw ApiError.badRequest("a merge patch of an object must be a JSON object");
        }
    }

    /** RFC 7386: objects merge member by member, a null removes the member, any other value replaces it. */
    static JsonNode mergePatched(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode merged = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), mergePatched(merged.get(member.getKey()), member.getValue()));
            }
        }
        return merged;
    }

    // ---- RFC 6902 ----

    private static JsonNode jsonPatched(JsonNode object, JsonNode patch) throws ApiError {
        if (!patch.isArray()) {
            throw ApiError.badRequest("a JSON patch must be a JSON array of operations");
        }
        JsonNode document = object.deepCopy();
        for (JsonNode operation : patch) {
            document = applyOperation(document, operation);
        }
        return document;
    }

    private static JsonNode applyOperation(JsonNode document, JsonNode operation) throws ApiError {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText(null);
        if (path == null) {
            throw unprocessable("operation " + operation + " has no path");
        }
        return switch (op) {
            case "add" -> add(document, path, value(operation));
            case "remove" -> remove(document, path);
            case "replace" -> add(remove(document, path), path, value(operation));
            case "move" -> {
                String from = operation.path("from").asText();
                JsonNode moved = read(document, from);
                yield add(remove(document, from), path, moved.deepCopy());
            }
            case "copy" ->
                add(
                        document,
                        path,
                        read(document, operation.path("from").asText()).deepCopy());
            case "test" -> {
                if (!read(document, path).equals(value(operation))) {
                    throw unprocessable("test operation at " + path + " failed: the value differs");
                }
                yield document;
            }
            default -> throw unprocessable("unknown JSON patch operation '" + op + "'");
        };
    }

    private static JsonNode value(JsonNode operation) throws ApiError {
        if (!operation.has("value")) {
            throw unprocessable("operation " + operation.path("op").asText() + " needs a value");
        }
        return operation.get("value").deepCopy();
    }

    private static List<String> pointer(String path) throws ApiError {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw unprocessable("'" + path + "' is not a JSON pointer");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode read(JsonNode document, String path) throws ApiError {
        JsonNode current = document;
        for (String token : pointer(path)) {
            current = child(current, token, path);
        }
        return current;
    }

    private static JsonNode child(JsonNode parent, String token, String path) throws ApiError {
        JsonNode next = null;
        if (parent.isObject()) {
            next = parent.get(token);
        } else if (parent.isArray() && token.matches("\\d+")) {
            next = parent.get(Integer.parseInt(token));
        }
        if (next == null) {
            throw unprocessable("path " + path + " does not exist");
        }
        return next;
    }

    private static JsonNode add(JsonNode document, String path, JsonNode value) throws ApiError {
        List<String> tokens = pointer(path);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonNode parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int index = last.equals("-") ? array.size() : arrayIndex(last, array.size(), path);
            array.insert(index, value);
        } else {
            throw unprocessable("path " + path + " does not exist");
        }
        return document;
    }

    private static JsonNode remove(JsonNode document, String path) throws ApiError {
        List<String> tokens = pointer(path);
        if (tokens.isEmpty()) {
            throw unprocessable("the whole document cannot be removed");
        }
        JsonNode parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.remove(Integer.parseInt(last));
        } else {
            throw unprocessable("path " + path + " does not exist");
        }
        return document;
    }

    private static int arrayIndex(String token, int size, String path) throws ApiError {
        if (!token.matches("\\d+") || Integer.parseInt(token) > size) {
            throw unprocessable("index " + token + " of " + path + " is out of bounds");
        }
        return Integer.parseInt(token);
    }

    private static ApiError unprocessable(String message) {
        return new ApiError(422, "Invalid", "the JSON patch does not apply: " + message);
    }

    // ---- strategic merge patch ----

    private static JsonNode strategic(ObjectNode object, ObjectNode patch, Class<?> model) throws ApiError {
        JsonNode merged = mergeObject(object, patch, model);
        if (merged == null) {
            throw ApiError.badRequest("a strategic merge patch cannot delete the whole object");
        }
        return merged;
    }

    /** The merged object, or null when the patch deletes it ({@code $patch: delete}). */
    private static ObjectNode mergeObject(JsonNode original, ObjectNode patch, Class<?> model) throws ApiError {
        String directive = patch.path(DIRECTIVE).asText("merge");
        if (directive.equals("delete")) {
            return null;
        }
        if (directive.equals("replace")) {
            return withoutDirectives(patch);
        }
        if (!directive.equals("merge")) {
            throw ApiError.badRequest("unknown patch directive " + DIRECTIVE + ": " + directive);
        }
        ObjectNode merged = original != null && original.isObject() ? (ObjectNode) original.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals(DIRECTIVE)
                    || key.equals(RETAIN_KEYS)
                    || key.startsWith(ORDER)
                    || key.startsWith(DELETE_FROM)) {
                continue;
            }
            if (value.isNull()) {
                merged.remove(key);
                continue;
            }
            Optional<ModelTypes.Member> member = ModelTypes.member(model, key);
            if (value.isObject()) {
                Class<?> childModel = member.map(m -> m.isMap() ? m.element() : m.type())
                        .filter(ModelTypes::isModel)
                        .orElse(null);
                boolean mapOfModels = member.map(ModelTypes.Member::isMap).orElse(false) && childModel != null;
                ObjectNode child = mapOfModels
                        ? mergeMapOfModels(merged.get(key), (ObjectNode) value, childModel)
                        : mergeObject(merged.get(key), (ObjectNode) value, childModel);
                if (child == null) {
                    merged.remove(key);
                } else {
                    merged.set(key, child);
                }
            } else if (value.isArray()) {
                Class<?> element = member.map(ModelTypes.Member::element)
                        .filter(ModelTypes::isModel)
                        .orElse(null);
                Optional<PatchStrategies.Strategy> strategy = PatchStrategies.list(model, key);
                merged.set(
                        key,
                        strategy.isPresent()
                                ? mergeList(merged.get(key), (ArrayNode) value, strategy.get(), element)
                                : withoutDirectives(value));
            } else {
                merged.set(key, value.deepCopy());
            }
        }
        deleteFromPrimitiveLists(merged, patch);
        orderElements(merged, patch, model);
        if (patch.has(RETAIN_KEYS)) {
            Set<String> keep = new HashSet<>();
            patch.get(RETAIN_KEYS).forEach(name -> keep.add(name.asText()));
            List<String> names = new ArrayList<>();
            merged.fieldNames().forEachRemaining(names::add);
            names.stream().filter(name -> !keep.contains(name)).forEach(merged::remove);
        }
        return merged;
    }

    private static ObjectNode mergeMapOfModels(JsonNode original, ObjectNode patch, Class<?> valueModel)
            throws ApiError {
        ObjectNode merged = original != null && original.isObject() ? (ObjectNode) original.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                merged.remove(entry.getKey());
            } else if (entry.getValue().isObject()) {
                ObjectNode child = mergeObject(merged.get(entry.getKey()), (ObjectNode) entry.getValue(), valueModel);
                if (child == null) {
                    merged.remove(entry.getKey());
                } else {
                    merged.set(entry.getKey(), child);
                }
            } else {
                merged.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return merged;
    }

    private static ArrayNode mergeList(
            JsonNode original, ArrayNode patch, PatchStrategies.Strategy strategy, Class<?> element) throws ApiError {
        for (JsonNode item : patch) {
            if (item.isObject() && item.path(DIRECTIVE).asText().equals("replace")) {
                ArrayNode replaced = Json.array();
                for (JsonNode other : patch) {
                    if (other != item) {
                        replaced.add(withoutDirectives(other));
                    }
                }
                return replaced;
            }
        }
        ArrayNode merged = original != null && original.isArray() ? (ArrayNode) original.deepCopy() : Json.array();
        if (strategy.mergeKey().isEmpty()) {
            for (JsonNode item : patch) {
                if (!contains(merged, item)) {
                    merged.add(item.deepCopy());
                }
            }
            return merged;
        }
        String key = strategy.mergeKey();
        for (JsonNode item : patch) {
            if (!item.isObject()) {
                throw ApiError.badRequest("an item of a list merged by " + key + " must be an object: " + item);
            }
            JsonNode keyValue = item.get(key);
            int index = indexOf(merged, key, keyValue);
            if (item.path(DIRECTIVE).asText().equals("delete")) {
                while (index >= 0) {
                    merged.remove(index);
                    index = indexOf(merged, key, keyValue);
                }
            } else if (index >= 0) {
                merged.set(index, mergeObject(merged.get(index), (ObjectNode) item, element));
            } else {
                merged.add(withoutDirectives(item));
            }
        }
        return merged;
    }

    private static void deleteFromPrimitiveLists(ObjectNode merged, ObjectNode patch) {
        patch.fieldNames().forEachRemaining(name -> {
            if (name.startsWith(DELETE_FROM)
                    && merged.get(name.substring(DELETE_FROM.length())) instanceof ArrayNode list) {
                for (JsonNode gone : patch.get(name)) {
                    for (int i = list.size() - 1; i >= 0; i--) {
                        if (list.get(i).equals(gone)) {
                            list.remove(i);
                        }
                    }
                }
            }
        });
    }

    /** {@code $setElementOrder/<list>}: the listed elements in that order, the ones it does not name after them. */
    private static void orderElements(ObjectNode merged, ObjectNode patch, Class<?> model) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith(ORDER)) {
                return;
            }
            String listName = name.substring(ORDER.length());
            if (!(merged.get(listName) instanceof ArrayNode list)) {
                return;
            }
            String key = PatchStrategies.list(model, listName)
                    .map(PatchStrategies.Strategy::mergeKey)
                    .orElse("");
            ArrayNode ordered = Json.array();
            List<JsonNode> rest = new ArrayList<>();
            list.forEach(rest::add);
            for (JsonNode wanted : patch.get(name)) {
                for (Iterator<JsonNode> it = rest.iterator(); it.hasNext(); ) {
                    JsonNode item = it.next();
                    boolean same =
                            key.isEmpty() ? item.equals(wanted) : item.path(key).equals(wanted.path(key));
                    if (same) {
                        ordered.add(item);
                        it.remove();
                        break;
                    }
                }
            }
            rest.forEach(ordered::add);
            merged.set(listName, ordered);
        });
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode candidate = list.get(i).get(key);
            if (candidate != null && value != null && sameKey(candidate, value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameKey(JsonNode a, JsonNode b) {
        return a.equals(b) || a.asText().equals(b.asText());
    }

    private static boolean contains(ArrayNode list, JsonNode item) {
        for (JsonNode candidate : list) {
            if (candidate.equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** A copy without strategic-merge directives at any depth. */
    private static <T extends JsonNode> T withoutDirectives(T node) {
        @SuppressWarnings("unchecked")
        T copy = (T) node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> directives = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("$")) {
                    directives.add(name);
                }
            });
            directives.forEach(object::remove);
            object.forEach(ObjectPatch::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ObjectPatch::strip);
        }
    }
}
