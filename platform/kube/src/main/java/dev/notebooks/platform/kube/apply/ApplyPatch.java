package dev.notebooks.platform.kube.apply;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * The merge patch that brings an object's actual state to the desired one in the fields the desired object sets, and
 * leaves every other field alone. In {@code metadata} only labels, annotations, owner references and finalizers count:
 * labels and annotations key by key, owner references by uid and finalizers by name, each kept in addition to what
 * others put there. {@code status} never counts (see StatusWriter).
 */
final class ApplyPatch {

    private static final Set<String> NOT_COMPARED = Set.of("apiVersion", "kind", "metadata", "status");

    private ApplyPatch() {}

    /** @return the patch, an empty object when actual already is as desired */
    static JsonObject between(JsonObject actual, JsonObject desired) {
        JsonObject patch = MergePatch.toCover(content(actual), content(desired));
        JsonObject metadata = metadataPatch(object(actual, "metadata"), object(desired, "metadata"));
        if (!metadata.isEmpty()) {
            patch.add("metadata", metadata);
        }
        return patch;
    }

    private static JsonObject metadataPatch(JsonObject actual, JsonObject desired) {
        JsonObject patch = new JsonObject();
        for (String map : new String[] {"labels", "annotations"}) {
            JsonObject entries = MergePatch.toCover(object(actual, map), object(desired, map));
            if (!entries.isEmpty()) {
                patch.add(map, entries);
            }
        }
        JsonArray ownerReferences = array(actual, "ownerReferences");
        JsonArray withOurs = withOwnerReferences(ownerReferences, array(desired, "ownerReferences"));
        if (!withOurs.equals(ownerReferences)) {
            patch.add("ownerReferences", withOurs);
        }
        JsonArray finalizers = array(actual, "finalizers");
        JsonArray allFinalizers = union(finalizers, array(desired, "finalizers"));
        if (!allFinalizers.equals(finalizers)) {
            patch.add("finalizers", allFinalizers);
        }
        return patch;
    }

    /** A merge patch replaces a list whole: the list to write is theirs with ours put in (same uid) or added. */
    private static JsonArray withOwnerReferences(JsonArray actual, JsonArray desired) {
        JsonArray result = actual.deepCopy();
        for (JsonElement ours : desired) {
            JsonElement uid = ours.getAsJsonObject().get("uid");
            int index = indexOfUid(result, uid);
            if (index < 0) {
                result.add(ours.deepCopy());
            } else if (!MergePatch.covers(result.get(index), ours)) {
                result.set(index, ours.deepCopy());
            }
        }
        return result;
    }

    private static int indexOfUid(JsonArray references, JsonElement uid) {
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).getAsJsonObject().get("uid").equals(uid)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonArray union(JsonArray actual, JsonArray desired) {
        JsonArray result = actual.deepCopy();
        desired.forEach(finalizer -> {
            if (!result.contains(finalizer)) {
                result.add(finalizer);
            }
        });
        return result;
    }

    private static JsonObject content(JsonObject object) {
        JsonObject content = new JsonObject();
        object.entrySet().stream()
                .filter(entry -> !NOT_COMPARED.contains(entry.getKey()))
                .forEach(entry -> content.add(entry.getKey(), entry.getValue()));
        return content;
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static JsonArray array(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }
}
