package dev.notebooks.notebook.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.HashMap;
import java.util.Map;

/** Notebooks shaped as Kubeflow's web app writes them. */
public final class TestNotebooks {

    public static final String NAMESPACE = "kubeflow-user";
    public static final String UID = "4f1c1e9e-0000-4000-8000-000000000001";

    private TestNotebooks() {}

    public static Notebook jupyter(String name) {
        V1Container server = new V1Container()
                .name(name)
                .image("ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0")
                .imagePullPolicy("IfNotPresent")
                .resources(new V1ResourceRequirements()
                        .requests(new HashMap<>(Map.of("cpu", new Quantity("0.5"), "memory", new Quantity("1.0Gi"))))
                        .limits(new HashMap<>(Map.of("cpu", new Quantity("0.6"), "memory", new Quantity("1.2Gi")))))
                .addVolumeMountsItem(
                        new V1VolumeMount().name(name + "-workspace").mountPath("/home/jovyan"));
        V1PodSpec spec = new V1PodSpec()
                .serviceAccountName("default-editor")
                .addContainersItem(server)
                .addVolumesItem(new V1Volume()
                        .name(name + "-workspace")
                        .persistentVolumeClaim(
                                new V1PersistentVolumeClaimVolumeSource().claimName(name + "-workspace")));
        V1ObjectMeta metadata = new V1ObjectMeta()
                .name(name)
                .namespace(NAMESPACE)
                .uid(UID)
                .labels(new HashMap<>(Map.of("app", name)))
                .annotations(new HashMap<>(Map.of(
                        NotebookAnnotations.SERVER_TYPE, "jupyter",
                        NotebookAnnotations.CREATOR, "alice@example.com")));
        return Notebook.of(metadata, spec);
    }
}
