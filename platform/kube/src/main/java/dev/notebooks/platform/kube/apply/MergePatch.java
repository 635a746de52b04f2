package dev.notebooks.platform.kube.apply;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** JSON merge patches (RFC 7386, {@code application/merge-patch+json}) computed from two documents. */
final class MergePatch {

    private MergePatch() {}

    /**
     * @return the patch that writes what {@code desired} says wherever {@code actual} does not hold it already; keys
     *     that {@code desired} leaves out are left as they are, so what others added survives
     */
    static JsonObject toCover(JsonObject actual, JsonObject desired) {
        JsonObject patch = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : desired.entrySet()) {
            JsonElement present = actual.get(entry.getKey());
            JsonElement wanted = entry.getValue();
            if (covers(present, wanted)) {
                continue;
            }
            patch.add(
                    entry.getKey(),
                    wanted.isJsonObject() && present != null && present.isJsonObject()
                            ? toCover(present.getAsJsonObject(), wanted.getAsJsonObject())
                            : wanted.deepCopy());
        }
        return patch;
    }

    /**
     * Whether {@code actual} holds everything {@code desired} holds. Objects: every key of {@code desired}, recursively,
     * so fields the API server defaults do not count as a difference. Lists: the same length, item by item, in order.
     * An empty object or list asks for nothing more than absence.
     */
    static boolean covers(JsonElement actual, JsonElement desired) {
        if (desired == null || desired.isJsonNull()) {
            return true;
        }
        boolean actualAbsent = actual == null || actual.isJsonNull();
        if (desired.isJsonObject()) {
            if (actualAbsent) {
                return desired.getAsJsonObject().isEmpty();
            }
            if (!actual.isJsonObject()) {
                return false;
            }
            JsonObject present = actual.getAsJsonObject();
            return desired.getAsJsonObject().entrySet().stream()
                    .allMatch(entry -> covers(present.get(entry.getKey()), entry.getValue()));
        }
        if (desired.isJsonArray()) {
            if (actualAbsent) {
                return desired.getAsJsonArray().isEmpty();
            }
            if (!actual.isJsonArray()
                    || actual.getAsJsonArray().size()
                            != desired.getAsJsonArray().size()) {
                return false;
            }
            for (int i = 0; i < desired.getAsJsonArray().size(); i++) {
                if (!covers(
                        actual.getAsJsonArray().get(i), desired.getAsJsonArray().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return desired.equals(actual);
    }
}
