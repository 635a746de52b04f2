package dev.notebooks.platform.testing.kubernetes;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PATCH body applied to a stored object the way a real API server applies it. fabric8's mock differs on both
 * kinds it accepts: it merges a JSON merge patch with Jackson's {@code readerForUpdating}, which appends to lists,
 * and before a JSON patch it creates every missing parent of each operation's path, so adding into a list that
 * does not exist makes an object of it.
 */
final class ObjectPatch {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    private static final Set<String> SUPPORTED = Set.of(MERGE_PATCH, JSON_PATCH);

    private ObjectPatch() {}

    static boolean supports(String contentType) {
        return SUPPORTED.contains(mediaType(contentType));
    }

    /** {@code object} with {@code patch} applied; neither is changed. */
    static JsonNode apply(String contentType, String patch, JsonNode object) throws NotApplicable {
        JsonNode parsed;
        try {
            parsed = Serialization.jsonMapper().readTree(patch);
        } catch (JacksonException notJson) {
            throw new NotApplicable(400, "BadRequest", "the patch is not JSON: " + notJson.getOriginalMessage());
        }
        if (mediaType(contentType).equals(JSON_PATCH)) {
            return jsonPatched(object, parsed);
        }
        if (!parsed.isObject()) {
            throw new NotApplicable(400, "BadRequest", "a JSON merge patch of an object must be a JSON object");
        }
        return mergePatched(object, parsed);
    }

    /** RFC 6902: every operation applies, in order, or none does. */
    private static JsonNode jsonPatched(JsonNode object, JsonNode patch) throws NotApplicable {
        try {
            return JsonPatch.apply(patch, object);
        } catch (JsonPatchException failed) {
            throw new NotApplicable(422, "Invalid", "the JSON patch does not apply: " + failed.getMessage());
        }
    }

    /** RFC 7386: objects merge member by member, a null removes the member, any other value replaces it. */
    private static JsonNode mergePatched(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode merged = target != null && target.isObject()
                ? (ObjectNode) target.deepCopy()
                : Serialization.jsonMapper().createObjectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), mergePatched(merged.get(member.getKey()), member.getValue()));
            }
        }
        return merged;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The patch cannot be applied: the API's answer, as status code, {@code Status} reason and message. */
    static final class NotApplicable extends Exception {

        private final int status;
        private final String reason;

        NotApplicable(int status, String reason, String message) {
            super(message);
            this.status = status;
            this.reason = reason;
        }

        int status() {
            return status;
        }

        String reason() {
            return reason;
        }
    }
}
