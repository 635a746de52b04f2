package dev.notebooks.platform.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * A JSON merge patch (RFC 7386, {@code application/merge-patch+json}) for {@link ResourceClient#mergePatch}, written
 * as the keys it sets or removes in the object's maps, instead of nested {@code JsonObject}s by hand:
 *
 * <pre>{@code
 * MergePatchBuilder.atResourceVersion(configMap.getMetadata().getResourceVersion())
 *         .put("metadata.annotations", FINGERPRINT, fingerprint)
 *         .put("data", "spawner_ui_config.yaml", yaml)
 *         .build();
 * }</pre>
 *
 * A path names nested objects with dots ({@code spec.template.metadata.annotations}); a key is one map key, dots and
 * slashes included ({@code notebooks.dev/owner-account}).
 */
public final class MergePatchBuilder {

    private final JsonObject patch = new JsonObject();

    private MergePatchBuilder() {}

    public static MergePatchBuilder mergePatch() {
        return new MergePatchBuilder();
    }

    /** A patch the API server refuses (409) when the object changed since {@code resourceVersion} was read. */
    public static MergePatchBuilder atResourceVersion(String resourceVersion) {
        MergePatchBuilder builder = new MergePatchBuilder();
        builder.object("metadata").addProperty("resourceVersion", resourceVersion);
        return builder;
    }

    /** Sets {@code key} of the map at {@code path} to {@code value} (a string, number, boolean or any model object). */
    public MergePatchBuilder put(String path, String key, Object value) {
        object(path).add(key, value == null ? JsonNull.INSTANCE : KubeJson.element(value));
        return this;
    }

    /** Removes {@code key} from the map at {@code path}; a key that is not there stays absent. */
    public MergePatchBuilder remove(String path, String key) {
        object(path).add(key, JsonNull.INSTANCE);
        return this;
    }

    public JsonObject build() {
        return patch.deepCopy();
    }

    @Override
    public String toString() {
        return patch.toString();
    }

    private JsonObject object(String path) {
        JsonObject node = patch;
        for (String part : path.split("\\.")) {
            JsonElement next = node.get(part);
            if (next == null || !next.isJsonObject()) {
                JsonObject created = new JsonObject();
                node.add(part, created);
                next = created;
            }
            node = next.getAsJsonObject();
        }
        return node;
    }
}
