package dev.notebooks.platform.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A JSON patch (RFC 6902, {@code application/json-patch+json}): exact where a merge patch is not, because a list is
 * written as given instead of being merged by whoever applies it.
 */
public final class JsonPatch {

    private final JsonArray operations = new JsonArray();

    private JsonPatch() {}

    /**
     * @return a patch that fails with 409 Conflict when the object is no longer at {@code resourceVersion}: the
     *     patched object names that version, and the API server only stores an object whose version is current
     */
    public static JsonPatch atResourceVersion(String resourceVersion) {
        return new JsonPatch().add("/metadata/resourceVersion", new JsonPrimitive(resourceVersion));
    }

    /** Sets the member at {@code path} (RFC 6901 pointer), replacing what is there. Its parent must exist. */
    public JsonPatch add(String path, JsonElement value) {
        JsonObject operation = new JsonObject();
        operation.addProperty("op", "add");
        operation.addProperty("path", path);
        operation.add("value", value);
        operations.add(operation);
        return this;
    }

    public JsonArray operations() {
        return operations.deepCopy();
    }

    @Override
    public String toString() {
        return operations.toString();
    }
}
