package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** What the workload controllers ask of pods and owners. */
final class WorkloadPods {

    private WorkloadPods() {}

    static boolean runningAndReady(JsonNode pod) {
        return Json.text(pod, "status", "phase").equals("Running") && condition(pod, "Ready");
    }

    static boolean condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }

    static boolean terminating(JsonNode object) {
        return object.path("metadata").has("deletionTimestamp");
    }

    /** The owner reference that marks {@code owner} as {@code object}'s controller. */
    static ObjectNode controllerReference(JsonNode owner) {
        return Json.object()
                .put("apiVersion", Json.text(owner, "apiVersion"))
                .put("kind", Json.text(owner, "kind"))
                .put("name", Json.text(owner, "metadata", "name"))
                .put("uid", Json.text(owner, "metadata", "uid"))
                .put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    /** The controller of {@code object} if it is of {@code kind}: its name. */
    static Optional<String> controllerOf(JsonNode object, String kind) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)
                    && owner.path("kind").asText().equals(kind)) {
                return Optional.of(owner.path("name").asText());
            }
        }
        return Optional.empty();
    }

    /** A pod made from {@code template}: its labels and annotations, and its spec. */
    static ObjectNode fromTemplate(JsonNode template, String namespace, JsonNode owner) {
        ObjectNode pod = Json.object().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("namespace", namespace);
        JsonNode templateMetadata = template.path("metadata");
        metadata.set(
                "labels",
                templateMetadata.path("labels").isObject()
                        ? templateMetadata.get("labels").deepCopy()
                        : Json.object());
        if (templateMetadata.path("annotations").isObject()) {
            metadata.set("annotations", templateMetadata.get("annotations").deepCopy());
        }
        metadata.putArray("ownerReferences").add(controllerReference(owner));
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }
}
