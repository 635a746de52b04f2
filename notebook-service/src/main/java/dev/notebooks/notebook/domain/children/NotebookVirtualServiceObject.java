package dev.notebooks.notebook.domain.children;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Notebook's Istio VirtualService ({@code networking.istio.io/v1alpha3}) as plain maps, as Kubeflow's controller
 * makes it: {@code /notebook/<ns>/<name>/} on the gateway, rewritten (code-server and RStudio want {@code /}) and with
 * request headers (RStudio's root path) from the Notebook's annotations.
 */
public final class NotebookVirtualServiceObject {

    public static final String API_VERSION = "networking.istio.io/v1alpha3";
    public static final String KIND = "VirtualService";

    private NotebookVirtualServiceObject() {}

    public static String name(Notebook notebook) {
        return "notebook-" + notebook.namespace() + "-" + notebook.name();
    }

    /** @return the VirtualService, or empty when Istio is off */
    public static Optional<Map<String, Object>> desired(Notebook notebook, ChildSettings.IstioSettings istio) {
        if (!istio.enabled()) {
            return Optional.empty();
        }
        String prefix = NotebookPodTemplate.prefix(notebook.namespace(), notebook.name()) + "/";
        String rewrite = notebook.annotation(NotebookAnnotations.HTTP_REWRITE_URI)
                .filter(uri -> !uri.isEmpty())
                .orElse(prefix);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("match", List.of(Map.of("uri", Map.of("prefix", prefix))));
        route.put("rewrite", Map.of("uri", rewrite));
        route.put("headers", Map.of("request", Map.of("set", requestHeaders(notebook))));
        route.put(
                "route",
                List.of(Map.of(
                        "destination",
                        Map.of(
                                "host",
                                notebook.name() + "." + notebook.namespace() + ".svc." + istio.clusterDomain(),
                                "port",
                                Map.of("number", NotebookServiceObject.PORT)))));
        Map<String, Object> owner = new LinkedHashMap<>();
        var reference = Owners.of(notebook);
        owner.put("apiVersion", reference.getApiVersion());
        owner.put("kind", reference.getKind());
        owner.put("name", reference.getName());
        owner.put("uid", reference.getUid());
        owner.put("controller", true);
        owner.put("blockOwnerDeletion", true);
        Map<String, Object> virtualService = new LinkedHashMap<>();
        virtualService.put("apiVersion", API_VERSION);
        virtualService.put("kind", KIND);
        virtualService.put(
                "metadata",
                Map.of(
                        "name", name(notebook),
                        "namespace", notebook.namespace(),
                        "ownerReferences", List.of(owner)));
        virtualService.put(
                "spec",
                Map.of(
                        "hosts", List.of(istio.host()),
                        "gateways", List.of(istio.gateway()),
                        "http", List.of(route)));
        return Optional.of(virtualService);
    }

    /**
     * The headers annotation, a JSON object of strings; anything else gives no headers, as Kubeflow's controller
     * (whose JSON decode into {@code map[string]string} fails as a whole).
     */
    static Map<String, String> requestHeaders(Notebook notebook) {
        Map<String, String> headers = new TreeMap<>();
        Optional<String> annotation = notebook.annotation(NotebookAnnotations.HTTP_HEADERS_REQUEST_SET);
        if (annotation.isEmpty()) {
            return headers;
        }
        try {
            JsonElement parsed = JsonParser.parseString(annotation.get());
            if (!parsed.isJsonObject()) {
                return Map.of();
            }
            JsonObject object = parsed.getAsJsonObject();
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                JsonElement value = entry.getValue();
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                    return Map.of();
                }
                headers.put(entry.getKey(), value.getAsString());
            }
            return headers;
        } catch (JsonParseException e) {
            return Map.of();
        }
    }

    /** Kubeflow compares the whole spec; so does this, with a missing and an empty map or list the same. */
    public static boolean needsUpdate(Map<String, Object> desired, Map<String, Object> actual) {
        JsonElement wanted = KubeModels.tree(desired.get("spec"));
        JsonElement present = KubeModels.tree(actual == null ? null : actual.get("spec"));
        return !Covers.covers(present, wanted) || !Covers.covers(wanted, present);
    }
}
