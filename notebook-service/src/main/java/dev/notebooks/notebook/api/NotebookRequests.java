package dev.notebooks.notebook.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.notebook.domain.spawner.FormVolume;
import dev.notebooks.notebook.domain.spawner.Gpus;
import dev.notebooks.notebook.domain.spawner.NotebookForm;
import dev.notebooks.notebook.domain.spawner.NotebookPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Volume;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.problem.violations.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JWA's request bodies as the domain's records. A field of the wrong JSON type, or one the request does not know, is a
 * 422 naming it, every fault at once; numbers and booleans where JWA's frontend sends text ({@code "cpu": 1}) are
 * taken as their text.
 */
final class NotebookRequests {

    static final String OVERRIDE_CHECK = "overrideCheck";

    static final Set<String> CREATE_FIELDS = Set.of(
            "name",
            "namespace",
            "image",
            "customImage",
            "imagePullPolicy",
            "serverType",
            "cpu",
            "cpuLimit",
            "memory",
            "memoryLimit",
            "gpus",
            "workspace",
            "datavols",
            "shm",
            "configurations",
            "affinityConfig",
            "tolerationGroup",
            // a cluster admin's override of a failed image check (not JWA's)
            OVERRIDE_CHECK,
            // sent by JWA's frontend, not used by its backend
            "environment",
            "allowCustomImage",
            "hideRegistry",
            "hideTag");

    private final JsonObject body;
    private final List<Violation> violations = new ArrayList<>();

    private NotebookRequests(JsonObject body) {
        this.body = body;
    }

    static JsonObject object(JsonMapper json, @Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiProblems.invalid("body", "must be a JSON object");
        }
        try {
            return JsonParser.parseString(
                            new String(json.writeValueAsBytes(node), java.nio.charset.StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw ApiProblems.invalid("body", "must be a JSON object");
        }
    }

    static NotebookForm create(JsonObject body) {
        NotebookRequests request = new NotebookRequests(body);
        request.unknown(CREATE_FIELDS);
        NotebookForm form = new NotebookForm(
                request.text("name"),
                request.text("image"),
                request.text("customImage"),
                request.text("imagePullPolicy"),
                request.text("serverType"),
                request.text("cpu"),
                request.text("cpuLimit"),
                request.text("memory"),
                request.text("memoryLimit"),
                request.gpus(),
                request.volume("workspace", body.get("workspace")),
                request.volumes("datavols"),
                request.bool("shm"),
                request.texts("configurations"),
                request.text("affinityConfig"),
                request.text("tolerationGroup"));
        if (form.name() == null
                && !request.violations.stream().anyMatch(v -> v.getField().equals("name"))) {
            request.violations.add(new Violation("name", "is required"));
        }
        request.throwIfAny();
        return form;
    }

    /** The edit fields of a PATCH body (its {@code stopped} is read by the controller). */
    static NotebookPatch edit(JsonObject body) {
        NotebookRequests request = new NotebookRequests(body);
        Set<String> allowed = new java.util.HashSet<>(NotebookPatch.FIELDS);
        allowed.add("stopped");
        allowed.add(OVERRIDE_CHECK);
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                request.violations.add(new Violation(
                        field,
                        CREATE_FIELDS.contains(field)
                                ? "cannot be changed after the notebook was created"
                                : "is not a field of this request"));
            }
        }
        NotebookPatch patch = new NotebookPatch(
                request.text("image"),
                request.text("customImage"),
                request.text("imagePullPolicy"),
                request.text("cpu"),
                request.text("cpuLimit"),
                request.text("memory"),
                request.text("memoryLimit"),
                request.gpus(),
                request.volumes("datavols"),
                request.texts("configurations"),
                request.text("affinityConfig"),
                request.text("tolerationGroup"));
        request.throwIfAny();
        return patch;
    }

    /** {@code overrideCheck}: absent (false), or a boolean. */
    static boolean overrideCheck(JsonObject body) {
        JsonElement value = body.get(OVERRIDE_CHECK);
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw ApiProblems.invalid(OVERRIDE_CHECK, "must be true or false");
        }
        return value.getAsBoolean();
    }

    static boolean hasEdits(JsonObject body) {
        return body.keySet().stream().anyMatch(field -> !"stopped".equals(field) && !OVERRIDE_CHECK.equals(field));
    }

    /** {@code stopped}: absent, or a boolean. */
    static Boolean stopped(JsonObject body) {
        NotebookRequests request = new NotebookRequests(body);
        Boolean stopped = request.bool("stopped");
        request.throwIfAny();
        return stopped;
    }

    private void unknown(Set<String> known) {
        body.keySet().stream()
                .filter(field -> !known.contains(field))
                .forEach(field -> violations.add(new Violation(field, "is not a field of this request")));
    }

    private String text(String field) {
        return text(field, body.get(field));
    }

    private String text(String path, JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonPrimitive()) {
            return element.getAsString();
        }
        violations.add(new Violation(path, "must be text"));
        return null;
    }

    private Boolean bool(String field) {
        JsonElement element = body.get(field);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean()) {
            return element.getAsBoolean();
        }
        violations.add(new Violation(field, "must be true or false"));
        return null;
    }

    private List<String> texts(String field) {
        JsonElement element = body.get(field);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonArray()) {
            violations.add(new Violation(field, "must be a list of text"));
            return null;
        }
        List<String> texts = new ArrayList<>();
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                texts.add(item.getAsString());
            } else {
                violations.add(new Violation(field + "[" + i + "]", "must be text"));
            }
        }
        return texts;
    }

    private Gpus gpus() {
        JsonElement element = body.get("gpus");
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonObject()) {
            violations.add(new Violation("gpus", "must be an object {num, vendor}"));
            return null;
        }
        JsonObject gpus = element.getAsJsonObject();
        return new Gpus(text("gpus.num", gpus.get("num")), text("gpus.vendor", gpus.get("vendor")));
    }

    private List<FormVolume> volumes(String field) {
        JsonElement element = body.get(field);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonArray()) {
            violations.add(new Violation(field, "must be a list of volumes"));
            return null;
        }
        List<FormVolume> volumes = new ArrayList<>();
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            FormVolume volume = volume(field + "[" + i + "]", array.get(i));
            if (volume != null) {
                volumes.add(volume);
            }
        }
        return volumes;
    }

    private FormVolume volume(String path, JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonObject()) {
            violations.add(new Violation(path, "must be a volume {mount, newPvc | existingSource}"));
            return null;
        }
        JsonObject volume = element.getAsJsonObject();
        V1PersistentVolumeClaim newPvc = null;
        V1Volume existing = null;
        try {
            if (volume.get("newPvc") != null && !volume.get("newPvc").isJsonNull()) {
                if (!volume.get("newPvc").isJsonObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                newPvc = KubeJson.fromTreeStrictly(volume.get("newPvc"), V1PersistentVolumeClaim.class);
            }
        } catch (RuntimeException e) {
            violations.add(new Violation(path + ".newPvc", "must be a PersistentVolumeClaim" + refusal(e)));
        }
        try {
            if (volume.get("existingSource") != null
                    && !volume.get("existingSource").isJsonNull()) {
                if (!volume.get("existingSource").isJsonObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                JsonObject source =
                        volume.get("existingSource").getAsJsonObject().deepCopy();
                // a volume source has no name; client-java's Volume requires one (the domain names it)
                if (!source.has("name")) {
                    source.addProperty("name", "existing-source");
                }
                existing = KubeJson.fromTreeStrictly(source, V1Volume.class);
            }
        } catch (RuntimeException e) {
            violations.add(new Violation(path + ".existingSource", "must be a volume source" + refusal(e)));
        }
        return new FormVolume(text(path + ".mount", volume.get("mount")), newPvc, existing);
    }

    private static String refusal(RuntimeException e) {
        return e instanceof KubeJson.RefusedField refused ? " (" + refused.getMessage() + ")" : "";
    }

    private void throwIfAny() {
        if (!violations.isEmpty()) {
            throw ApiProblems.invalid(violations);
        }
    }
}
