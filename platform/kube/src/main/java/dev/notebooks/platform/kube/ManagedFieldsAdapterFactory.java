package dev.notebooks.platform.kube;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.util.List;

/**
 * Keeps {@code metadata.managedFields}, which client-java 22 drops from every object it reads (its
 * {@code V1MetadataExclusionStrategy}, kubernetes-client/java#3995): who wrote a field is how a change made with
 * kubectl is attributed to its field manager. Written back only when there are any, as the server sent them.
 */
final class ManagedFieldsAdapterFactory implements TypeAdapterFactory {

    private static final String MANAGED_FIELDS = "managedFields";

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != V1ObjectMeta.class) {
            return null;
        }
        TypeAdapter<V1ObjectMeta> metadata = gson.getDelegateAdapter(this, TypeToken.get(V1ObjectMeta.class));
        TypeAdapter<List<V1ManagedFieldsEntry>> entries =
                gson.getAdapter(new TypeToken<List<V1ManagedFieldsEntry>>() {});
        TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
        return (TypeAdapter<T>) new TypeAdapter<V1ObjectMeta>() {
            @Override
            public void write(JsonWriter out, V1ObjectMeta value) throws IOException {
                if (value == null) {
                    out.nullValue();
                    return;
                }
                JsonElement tree = metadata.toJsonTree(value);
                List<V1ManagedFieldsEntry> managed = value.getManagedFields();
                if (tree.isJsonObject() && managed != null && !managed.isEmpty()) {
                    tree.getAsJsonObject().add(MANAGED_FIELDS, entries.toJsonTree(managed));
                }
                trees.write(out, tree);
            }

            @Override
            public V1ObjectMeta read(JsonReader in) throws IOException {
                JsonElement tree = trees.read(in);
                if (tree == null || tree.isJsonNull()) {
                    return null;
                }
                V1ObjectMeta value = metadata.fromJsonTree(tree);
                JsonObject object = tree.getAsJsonObject();
                if (object.has(MANAGED_FIELDS) && object.get(MANAGED_FIELDS).isJsonArray()) {
                    value.setManagedFields(entries.fromJsonTree(object.get(MANAGED_FIELDS)));
                }
                return value;
            }
        };
    }
}
