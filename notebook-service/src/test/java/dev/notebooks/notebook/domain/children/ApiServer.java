package dev.notebooks.notebook.domain.children;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * What an API server does to a written object: a round trip through JSON with quantities canonicalized its way
 * ({@code 0.5} to {@code 500m}, {@code 1.0Gi} to {@code 1Gi}) and its defaults filled in.
 */
final class ApiServer {

    private static final Gson GSON = JSON.getGson();

    private ApiServer() {}

    static V1StatefulSet stored(V1StatefulSet written) {
        JsonObject sts = GSON.toJsonTree(written).getAsJsonObject();
        JsonObject meta = sts.getAsJsonObject("metadata");
        meta.addProperty("resourceVersion", "4711");
        meta.addProperty("generation", 1);
        meta.addProperty("creationTimestamp", "2025-01-01T10:00:00Z");
        JsonObject spec = sts.getAsJsonObject("spec");
        spec.addProperty("podManagementPolicy", "OrderedReady");
        spec.addProperty("revisionHistoryLimit", 10);
        spec.add("updateStrategy", parse("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":0}}"));
        spec.add(
                "persistentVolumeClaimRetentionPolicy",
                parse("{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}"));
        JsonObject template = spec.getAsJsonObject("template");
        template.getAsJsonObject("metadata").add("creationTimestamp", null);
        JsonObject pod = template.getAsJsonObject("spec");
        pod.addProperty("restartPolicy", "Always");
        pod.addProperty("terminationGracePeriodSeconds", 30);
        pod.addProperty("dnsPolicy", "ClusterFirst");
        pod.addProperty("schedulerName", "default-scheduler");
        pod.addProperty(
                "serviceAccount",
                pod.has("serviceAccountName") ? pod.get("serviceAccountName").getAsString() : "default");
        for (JsonElement element : pod.getAsJsonArray("containers")) {
            JsonObject container = element.getAsJsonObject();
            container.addProperty("terminationMessagePath", "/dev/termination-log");
            container.addProperty("terminationMessagePolicy", "File");
            if (!container.has("imagePullPolicy")) {
                container.addProperty("imagePullPolicy", "IfNotPresent");
            }
            canonicalResources(container);
        }
        if (pod.has("volumes")) {
            for (JsonElement volume : pod.getAsJsonArray("volumes")) {
                if (volume.getAsJsonObject().has("configMap")) {
                    volume.getAsJsonObject().getAsJsonObject("configMap").addProperty("defaultMode", 420);
                }
            }
        }
        return JSON.deserialize(GSON.toJson(sts), V1StatefulSet.class);
    }

    static V1Service stored(V1Service written) {
        JsonObject service = GSON.toJsonTree(written).getAsJsonObject();
        service.getAsJsonObject("metadata").addProperty("resourceVersion", "4712");
        JsonObject spec = service.getAsJsonObject("spec");
        spec.addProperty("clusterIP", "10.96.12.34");
        spec.add("clusterIPs", parse("[\"10.96.12.34\"]"));
        spec.addProperty("sessionAffinity", "None");
        spec.addProperty("internalTrafficPolicy", "Cluster");
        spec.add("ipFamilies", parse("[\"IPv4\"]"));
        spec.addProperty("ipFamilyPolicy", "SingleStack");
        return JSON.deserialize(GSON.toJson(service), V1Service.class);
    }

    private static void canonicalResources(JsonObject container) {
        if (!container.has("resources")) {
            container.add("resources", new JsonObject());
            return;
        }
        JsonObject resources = container.getAsJsonObject("resources");
        for (String kind : new String[] {"requests", "limits"}) {
            if (resources.has(kind)) {
                JsonObject quantities = resources.getAsJsonObject(kind);
                for (String resource : quantities.keySet()) {
                    quantities.addProperty(
                            resource, canonical(quantities.get(resource).getAsString()));
                }
            }
        }
    }

    /** The few spellings the tests use, as the API server stores them. */
    private static String canonical(String quantity) {
        return switch (quantity) {
            case "0.5", "500m" -> "500m";
            case "0.6", "600m" -> "600m";
            case "1073741824", "1Gi" -> "1Gi";
            case "1288490188800m" -> "1288490188800m";
            default -> quantity;
        };
    }

    private static JsonElement parse(String json) {
        return com.google.gson.JsonParser.parseString(json);
    }
}
