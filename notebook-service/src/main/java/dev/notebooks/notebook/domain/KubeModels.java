package dev.notebooks.notebook.domain;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deep copies and comparable JSON trees of client-java's models, without client-java's strict deserialization (which
 * throws on a missing required field: an object of unexpected shape must never make a pass fail).
 */
public final class KubeModels {

    private static final Gson COPIES = JSON.createGson()
            .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
            .create();

    /** Quantities as plain decimals, so {@code 0.5}, {@code 500m} and {@code 1.0Gi} vs {@code 1Gi} compare equal. */
    private static final Gson TREES = JSON.createGson()
            .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
            .registerTypeAdapter(Quantity.class, new CanonicalQuantity())
            .create();

    private KubeModels() {}

    @SuppressWarnings("unchecked")
    public static <T> T copy(T model) {
        if (model == null) {
            return null;
        }
        return (T) COPIES.fromJson(COPIES.toJsonTree(model), model.getClass());
    }

    /** @return the object as JSON with object keys sorted and quantities canonical; stable for hashing and comparing */
    public static JsonElement tree(Object model) {
        return sorted(TREES.toJsonTree(model));
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            List<Map.Entry<String, JsonElement>> entries =
                    new ArrayList<>(element.getAsJsonObject().entrySet());
            entries.sort(Map.Entry.comparingByKey());
            JsonObject result = new JsonObject();
            entries.forEach(entry -> result.add(entry.getKey(), sorted(entry.getValue())));
            return result;
        }
        if (element.isJsonArray()) {
            JsonArray result = new JsonArray();
            element.getAsJsonArray().forEach(item -> result.add(sorted(item)));
            return result;
        }
        return element;
    }

    private static final class CanonicalQuantity extends TypeAdapter<Quantity> {

        @Override
        public void write(JsonWriter out, Quantity value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.getNumber().stripTrailingZeros().toPlainString());
            }
        }

        @Override
        public Quantity read(JsonReader in) {
            throw new UnsupportedOperationException("comparison trees are written, never read");
        }
    }
}
