package dev.notebooks.platform.kube;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;

/**
 * Kubernetes objects as JSON trees, through the official client's own Gson (its date and quantity formats), which,
 * once this class is loaded, keeps {@code metadata.managedFields} ({@link ManagedFieldsAdapterFactory}) and reads each
 * string as its one canonical copy ({@link CanonicalStrings}) and recent timestamps as shared instances
 * ({@link CanonicalTimes}).
 */
public final class KubeJson {

    static {
        // every client in the process (informers included) reads managedFields from here on
        JSON.setGson(JSON.getGson()
                .newBuilder()
                .registerTypeAdapterFactory(new ManagedFieldsAdapterFactory())
                .registerTypeAdapter(String.class, new CanonicalStrings().nullSafe())
                .registerTypeAdapterFactory(new CanonicalTimes())
                .create());
    }

    private KubeJson() {}

    /** Makes sure the client's Gson keeps {@code managedFields}; call before any object is read. */
    public static void install() {
        // the static initializer did it
    }

    public static Gson gson() {
        return JSON.getGson();
    }

    public static JsonObject tree(Object object) {
        return gson().toJsonTree(object).getAsJsonObject();
    }

    public static JsonElement element(Object value) {
        return gson().toJsonTree(value);
    }

    public static <T> T fromTree(JsonElement tree, Class<T> type) {
        return gson().fromJson(tree, type);
    }

    /** A deep copy, so an object from an informer's cache can be changed without changing the cache. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T object) {
        return object == null ? null : (T) fromTree(element(object), object.getClass());
    }
}
