package dev.notebooks.catalog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.platform.events.EventJson;
import java.util.List;

/** The catalog's JSON columns: tags, and the image snapshots of the history (camelCase, as the API shows images). */
public final class CatalogJson {

    private static final ObjectMapper MAPPER = EventJson.MAPPER.copy();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private CatalogJson() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static List<String> tags(String json) {
        return read(json, STRINGS);
    }

    public static ImageEntry image(String json) {
        return read(json, new TypeReference<>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored JSON is not a " + type.getType().getTypeName(), e);
        }
    }
}
