package dev.notebooks.platform.web.crud;

import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.security.Caller;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The success envelope of Kubeflow's crud web apps, JWA and VWA alike ({@code crud_backend/api/utils.py
 * success_response}): {@code {"status":200,"success":true,"user":<user>, <field>: <data>}}.
 */
public final class CrudEnvelope {

    private CrudEnvelope() {}

    public static Map<String, Object> of(Caller caller, int status, String field, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("status", status);
        envelope.put("success", true);
        envelope.put("user", caller.user());
        if (field != null) {
            envelope.put(field, data);
        }
        return envelope;
    }

    public static Map<String, Object> ok(Caller caller, String field, Object data) {
        return of(caller, 200, field, data);
    }

    /** A Kubernetes object (or a list of them) as the API server writes it, for the routes that return them raw. */
    public static Object raw(JsonMapper json, Object kubernetesObject) {
        try {
            return json.readValue(KubeJson.gson().toJson(kubernetesObject), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> raw(JsonMapper json, List<?> kubernetesObjects) {
        return kubernetesObjects.stream().map(object -> raw(json, object)).toList();
    }
}
