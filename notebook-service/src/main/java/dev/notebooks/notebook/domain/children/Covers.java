package dev.notebooks.notebook.domain.children;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Whether an actual object holds every value a desired one sets (Kubernetes' {@code Semantic.DeepDerivative}): fields
 * the desired object leaves unset are the API server's defaults or someone else's and do not count; lists must match
 * item by item.
 */
final class Covers {

    private Covers() {}

    static boolean covers(JsonElement actual, JsonElement desired) {
        if (desired == null || desired.isJsonNull()) {
            return true;
        }
        boolean absent = actual == null || actual.isJsonNull();
        if (desired.isJsonObject()) {
            if (absent) {
                return desired.getAsJsonObject().isEmpty();
            }
            return actual.isJsonObject() && coversObject(actual.getAsJsonObject(), desired.getAsJsonObject());
        }
        if (desired.isJsonArray()) {
            if (absent) {
                return desired.getAsJsonArray().isEmpty();
            }
            return actual.isJsonArray() && coversArray(actual.getAsJsonArray(), desired.getAsJsonArray());
        }
        return desired.equals(actual);
    }

    private static boolean coversObject(JsonObject actual, JsonObject desired) {
        for (Map.Entry<String, JsonElement> entry : desired.entrySet()) {
            if (!covers(actual.get(entry.getKey()), entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean coversArray(JsonArray actual, JsonArray desired) {
        if (actual.size() != desired.size()) {
            return false;
        }
        for (int i = 0; i < desired.size(); i++) {
            if (!covers(actual.get(i), desired.get(i))) {
                return false;
            }
        }
        return true;
    }
}
