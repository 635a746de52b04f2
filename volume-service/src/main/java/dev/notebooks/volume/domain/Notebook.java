package dev.notebooks.volume.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubeflow's {@code kubeflow.org/v1} Notebook as this service reads it: only which claims its pod template mounts
 * ({@code spec.template.spec.volumes[].persistentVolumeClaim.claimName}) and whether it is stopped. Everything else
 * is notebook-service's; this class never writes a Notebook.
 */
public class Notebook implements KubernetesObject {

    /** Kubeflow's annotation on a stopped notebook (its StatefulSet has 0 replicas). */
    public static final String STOPPED_ANNOTATION = "kubeflow-resource-stopped";

    private String apiVersion = "kubeflow.org/v1";
    private String kind = "Notebook";
    private V1ObjectMeta metadata;
    private Spec spec;

    public record Spec(Template template) {}

    public record Template(PodSpec spec) {}

    public record PodSpec(List<Volume> volumes) {}

    public record Volume(String name, ClaimSource persistentVolumeClaim) {}

    public record ClaimSource(String claimName, Boolean readOnly) {}

    public static Notebook of(String namespace, String name, List<String> claims, boolean stopped) {
        Notebook notebook = new Notebook();
        notebook.metadata = new V1ObjectMeta().namespace(namespace).name(name);
        if (stopped) {
            notebook.metadata.setAnnotations(Map.of(STOPPED_ANNOTATION, "2025-01-01T00:00:00Z"));
        }
        notebook.spec = new Spec(new Template(new PodSpec(claims.stream()
                .map(claim -> new Volume(claim, new ClaimSource(claim, null)))
                .toList())));
        return notebook;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public String name() {
        return metadata.getName();
    }

    public String namespace() {
        return metadata.getNamespace();
    }

    /** @return the names of the claims its pod template mounts, in order, each once; never null */
    public List<String> claimNames() {
        if (spec == null || spec.template() == null || spec.template().spec() == null) {
            return List.of();
        }
        List<Volume> volumes = spec.template().spec().volumes();
        if (volumes == null) {
            return List.of();
        }
        return volumes.stream()
                .filter(Objects::nonNull)
                .map(Volume::persistentVolumeClaim)
                .filter(source -> source != null && source.claimName() != null)
                .map(ClaimSource::claimName)
                .distinct()
                .toList();
    }

    public boolean stopped() {
        Map<String, String> annotations = metadata == null ? null : metadata.getAnnotations();
        return annotations != null && annotations.containsKey(STOPPED_ANNOTATION);
    }
}
