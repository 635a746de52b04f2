package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The admission plugins a claim meets: DefaultStorageClass (a claim without {@code storageClassName} gets the default
 * class), StorageObjectInUseProtection (the {@code kubernetes.io/pvc-protection} finalizer), and
 * PersistentVolumeClaimResize with the API's validation of an expansion (only a bound claim of a class that allows
 * expansion grows; none shrinks).
 */
final class VolumeAdmission implements ObjectApi.Admission {

    static final String PROTECTION = "kubernetes.io/pvc-protection";
    static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

    @Override
    public void admit(ObjectApi.AdmissionRequest request) throws ApiError {
        ResourceType type = request.type();
        if (!type.group().isEmpty() || !type.plural().equals("persistentvolumeclaims")) {
            return;
        }
        ObjectNode claim = request.object();
        if (request.operation().equals("CREATE")) {
            ObjectNode spec = Json.objectAt(claim, "spec");
            if (!spec.has("storageClassName") || spec.get("storageClassName").isNull()) {
                defaultClass(request.api()).ifPresent(name -> spec.put("storageClassName", name));
            }
            ArrayNode finalizers = Json.metadata(claim).get("finalizers") instanceof ArrayNode list
                    ? list
                    : Json.metadata(claim).putArray("finalizers");
            if (!ObjectApi.strings(finalizers).contains(PROTECTION)) {
                finalizers.add(PROTECTION);
            }
            return;
        }
        if (!request.operation().equals("UPDATE") || !request.subresource().isEmpty()) {
            return;
        }
        JsonNode previous = request.previous();
        BigDecimal before = requested(previous);
        BigDecimal after = requested(claim);
        if (after.compareTo(before) == 0) {
            return;
        }
        BigDecimal capacity =
                Quantities.parse(previous.path("status").path("capacity").path("storage"));
        String name = Json.text(claim, "metadata", "name");
        if (!Json.text(previous, "status", "phase").equals("Bound")) {
            throw ApiError.invalid(
                    type,
                    name,
                    List.of(new ApiError.Cause(
                            "FieldValueForbidden",
                            "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
                            "spec")));
        }
        if (after.compareTo(capacity) < 0) {
            throw ApiError.invalid(
                    type,
                    name,
                    List.of(new ApiError.Cause(
                            "FieldValueForbidden",
                            "Forbidden: field can not be less than status.capacity",
                            "spec.resources.requests.storage")));
        }
        String className = Json.text(claim, "spec", "storageClassName");
        boolean expandable = request.api()
                .store()
                .get(Kinds.STORAGE_CLASSES, "", className)
                .map(storageClass -> storageClass.path("allowVolumeExpansion").asBoolean(false))
                .orElse(false);
        if (!expandable) {
            throw QuotaAdmission.forbidden(
                    type,
                    claim,
                    "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize");
        }
    }

    static BigDecimal requested(JsonNode claim) {
        return Quantities.parse(
                claim.path("spec").path("resources").path("requests").path("storage"));
    }

    private static java.util.Optional<String> defaultClass(ObjectApi api) {
        return api.store().list(Kinds.STORAGE_CLASSES, "").stream()
                .filter(storageClass -> Json.text(storageClass, "metadata", "annotations", DEFAULT_CLASS)
                        .equals("true"))
                .max(java.util.Comparator.comparing(
                        storageClass -> Json.text(storageClass, "metadata", "creationTimestamp")))
                .map(storageClass -> Json.text(storageClass, "metadata", "name"));
    }
}
