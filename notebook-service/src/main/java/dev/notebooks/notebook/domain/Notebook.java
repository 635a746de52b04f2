package dev.notebooks.notebook.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubeflow's {@code Notebook} ({@code kubeflow.org/v1}, also served as v1beta1 and v1alpha1 with the same schema): a pod
 * template in {@code spec.template.spec} and nothing else, so a Notebook written by Kubeflow's web app or by hand works
 * unchanged.
 */
public class Notebook implements KubernetesObject {

    public static final String GROUP = "kubeflow.org";
    public static final String API_VERSION = GROUP + "/v1";
    public static final String KIND = "Notebook";

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private V1ObjectMeta metadata;
    private Spec spec;
    private NotebookStatus status;

    public record Spec(Template template) {}

    /** Kubeflow's {@code NotebookTemplateSpec}: a pod spec without pod metadata. */
    public record Template(V1PodSpec spec) {}

    public static Notebook of(V1ObjectMeta metadata, V1PodSpec podSpec) {
        Notebook notebook = new Notebook();
        notebook.metadata = metadata;
        notebook.spec = new Spec(new Template(podSpec));
        return notebook;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    public Notebook apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public Notebook metadata(V1ObjectMeta metadata) {
        this.metadata = metadata;
        return this;
    }

    public Spec getSpec() {
        return spec;
    }

    public Notebook spec(Spec spec) {
        this.spec = spec;
        return this;
    }

    public NotebookStatus getStatus() {
        return status;
    }

    public Notebook status(NotebookStatus status) {
        this.status = status;
        return this;
    }

    public String name() {
        return metadata == null ? null : metadata.getName();
    }

    public String namespace() {
        return metadata == null ? null : metadata.getNamespace();
    }

    public Map<String, String> labels() {
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    public Map<String, String> annotations() {
        return metadata == null || metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations().get(key));
    }

    /** @return the pod spec; an empty one when the Notebook has none (an object of unexpected shape) */
    public V1PodSpec podSpec() {
        return spec == null || spec.template() == null || spec.template().spec() == null
                ? new V1PodSpec()
                : spec.template().spec();
    }

    public List<V1Container> containers() {
        List<V1Container> containers = podSpec().getContainers();
        return containers == null ? List.of() : containers;
    }

    /**
     * The notebook server's container: Kubeflow's controller works on the first container (working dir, port,
     * {@code NB_PREFIX}) and JWA names it after the notebook.
     */
    public Optional<V1Container> serverContainer() {
        return containers().stream().findFirst();
    }

    public boolean isStopped() {
        return annotations().containsKey(NotebookAnnotations.STOPPED);
    }
}
