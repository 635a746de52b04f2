package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata.managedFields} as an API server keeps it for {@code Update} operations: the writer (the
 * {@code fieldManager} parameter, else the client's user agent up to its first {@code /}) owns the fields its write
 * set or changed, and no other manager owns them any more; a manager left owning nothing is dropped. Lists are
 * owned as a whole ({@code f:containers}), a simplification of Kubernetes' per-element keys.
 */
final class ManagedFields {

    private ManagedFields() {}

    static String manager(String fieldManager, String userAgent) {
        if (fieldManager != null && !fieldManager.isBlank()) {
            return fieldManager;
        }
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        int slash = userAgent.indexOf('/');
        return slash < 0 ? userAgent : userAgent.substring(0, slash);
    }

    /** Writes the managed fields of {@code updated}, a write by {@code manager} that changed {@code previous}. */
    static void record(
            ObjectNode updated, JsonNode previous, String manager, String apiVersion, String subresource, String now) {
        ObjectNode changed = changedFields(previous, updated, true);
        JsonNode existing = previous == null ? null : previous.path("metadata").get("managedFields");
        ArrayNode entries = existing instanceof ArrayNode list ? list.deepCopy() : Json.array();
        ArrayNode kept = Json.array();
        ObjectNode mine = null;
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                continue;
            }
            ObjectNode copy = (ObjectNode) entry;
            boolean same = copy.path("manager").asText().equals(manager)
                    && copy.path("operation").asText().equals("Update")
                    && copy.path("subresource").asText("").equals(subresource);
            if (same) {
                mine = copy;
                continue;
            }
            ObjectNode fields = copy.path("fieldsV1") instanceof ObjectNode owned ? owned : Json.object();
            subtract(fields, changed);
            if (!fields.isEmpty()) {
                kept.add(copy);
            }
        }
        if (!changed.isEmpty() || mine != null) {
            if (mine == null) {
                mine = Json.object()
                        .put("manager", manager)
                        .put("operation", "Update")
                        .put("apiVersion", apiVersion)
                        .put("time", now)
                        .put("fieldsType", "FieldsV1");
                mine.putObject("fieldsV1");
                if (!subresource.isEmpty()) {
                    mine.put("subresource", subresource);
                }
            }
            if (!changed.isEmpty()) {
                mine.put("time", now).put("apiVersion", apiVersion);
                union((ObjectNode) mine.get("fieldsV1"), changed);
            }
            kept.add(mine);
        }
        Json.metadata(updated).set("managedFields", kept);
    }

    /** The fields set in {@code after} that differ from {@code before}, in FieldsV1 form. */
    private static ObjectNode changedFields(JsonNode before, JsonNode after, boolean root) {
        ObjectNode fields = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (root && (name.equals("apiVersion") || name.equals("kind"))) {
                continue;
            }
            JsonNode old = before == null ? null : before.get(name);
            JsonNode now = member.getValue();
            if (root && name.equals("metadata")) {
                ObjectNode metadata = changedMetadata(old, now);
                if (!metadata.isEmpty()) {
                    fields.set("f:metadata", metadata);
                }
                continue;
            }
            if (now.isObject() && !now.isEmpty()) {
                ObjectNode nested = changedFields(old != null && old.isObject() ? old : null, now, false);
                if (!nested.isEmpty()) {
                    fields.set("f:" + name, nested);
                }
            } else if (old == null || !old.equals(now)) {
                fields.putObject("f:" + name);
            }
        }
        return fields;
    }

    private static ObjectNode changedMetadata(JsonNode before, JsonNode after) {
        ObjectNode fields = Json.object();
        for (String name : List.of("labels", "annotations")) {
            JsonNode now = after.get(name);
            if (now != null && now.isObject()) {
                JsonNode old = before == null ? null : before.get(name);
                ObjectNode nested = Json.object();
                now.fields().forEachRemaining(entry -> {
                    JsonNode was = old == null ? null : old.get(entry.getKey());
                    if (was == null || !was.equals(entry.getValue())) {
                        nested.putObject("f:" + entry.getKey());
                    }
                });
                if (!nested.isEmpty()) {
                    fields.set("f:" + name, nested);
                }
            }
        }
        for (String name : List.of("finalizers", "ownerReferences")) {
            JsonNode now = after.get(name);
            JsonNode old = before == null ? null : before.get(name);
            if (now != null && (old == null || !old.equals(now))) {
                fields.putObject("f:" + name);
            }
        }
        return fields;
    }

    private static void subtract(ObjectNode owned, ObjectNode taken) {
        List<String> emptied = new ArrayList<>();
        taken.fields().forEachRemaining(entry -> {
            JsonNode mine = owned.get(entry.getKey());
            if (mine == null) {
                return;
            }
            if (entry.getValue().isEmpty() || !(mine instanceof ObjectNode nested)) {
                emptied.add(entry.getKey());
            } else {
                subtract(nested, (ObjectNode) entry.getValue());
                if (nested.isEmpty()) {
                    emptied.add(entry.getKey());
                }
            }
        });
        emptied.forEach(owned::remove);
    }

    private static void union(ObjectNode owned, ObjectNode added) {
        added.fields().forEachRemaining(entry -> {
            JsonNode mine = owned.get(entry.getKey());
            if (mine instanceof ObjectNode nested && entry.getValue() instanceof ObjectNode more) {
                union(nested, more);
            } else {
                owned.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }
}
