package dev.notebooks.notebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body JWA's frontend posts for a new Jupyter notebook with a 1Gi workspace, as a mutable map to vary. */
public final class JwaForms {

    public static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    private JwaForms() {}

    public static Map<String, Object> form(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("image", IMAGE);
        form.put("imagePullPolicy", "IfNotPresent");
        form.put("serverType", "jupyter");
        form.put("cpu", 0.5);
        form.put("memory", "512Mi");
        form.put("gpus", Map.of("num", "none", "vendor", ""));
        form.put(
                "workspace",
                Map.of(
                        "mount",
                        "/home/jovyan",
                        "newPvc",
                        Map.of(
                                "metadata",
                                Map.of("name", "{notebook-name}-workspace"),
                                "spec",
                                Map.of(
                                        "resources",
                                        Map.of("requests", Map.of("storage", "1Gi")),
                                        "accessModes",
                                        List.of("ReadWriteOnce")))));
        form.put("datavols", List.of());
        form.put("shm", true);
        form.put("configurations", List.of());
        return form;
    }
}
