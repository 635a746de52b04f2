package dev.notebooks.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.ModelMapper;
import java.lang.reflect.InvocationTargetException;
import java.util.Set;

/**
 * Reads a rendered object into client-java's typed model of its kind, strictly: the generated models'
 * {@code validateJsonElement} refuses a field the model does not have (at any depth) and a missing required one. Kinds
 * of other projects' operators have no model here; they are checked against their published CRDs when the chart is
 * applied ({@link ChartAppliesTest}).
 */
final class StrictModels {

    /** API groups whose kinds are checked against their CRDs instead. */
    static final Set<String> CUSTOM_RESOURCE_GROUPS =
            Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "monitoring.coreos.com", "networking.istio.io");

    private StrictModels() {}

    static boolean isCustomResource(JsonNode object) {
        return CUSTOM_RESOURCE_GROUPS.contains(group(object.path("apiVersion").asText()));
    }

    /** @return the model class the object was read into */
    static Class<?> read(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Class<?> model = ModelMapper.getApiTypeClass(apiVersion, kind);
        if (model == null) {
            throw new AssertionError("client-java has no model for " + apiVersion + " " + kind);
        }
        JsonElement json = JsonParser.parseString(object.toString());
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException refused) {
            throw new AssertionError(
                    kind + " " + object.path("metadata").path("name").asText() + " does not read as "
                            + model.getSimpleName() + ": " + refused.getCause().getMessage(),
                    refused.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
        return model;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
