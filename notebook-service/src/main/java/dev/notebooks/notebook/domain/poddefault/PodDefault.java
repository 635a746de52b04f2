package dev.notebooks.notebook.domain.poddefault;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubeflow's {@code kubeflow.org/v1alpha1} PodDefault: what its admission webhook adds to every pod its selector
 * matches in its namespace. JWA offers each as a "configuration", by the first key of its {@code matchLabels}.
 */
public class PodDefault implements KubernetesObject {

    public static final String API_VERSION = "kubeflow.org/v1alpha1";
    public static final String KIND = "PodDefault";

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private V1ObjectMeta metadata;
    private Spec spec;

    public record Spec(
            V1LabelSelector selector,
            String desc,
            List<V1Container> initContainers,
            List<V1Container> sidecars,
            String serviceAccountName,
            Boolean automountServiceAccountToken,
            List<V1EnvVar> env,
            List<V1EnvFromSource> envFrom,
            List<V1Volume> volumes,
            List<V1VolumeMount> volumeMounts,
            Map<String, String> annotations,
            Map<String, String> labels,
            List<V1Toleration> tolerations,
            List<String> command,
            List<String> args,
            List<V1LocalObjectReference> imagePullSecrets) {

        public static Spec selecting(V1LabelSelector selector) {
            return new Spec(
                    selector, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public static PodDefault of(V1ObjectMeta metadata, Spec spec) {
        PodDefault podDefault = new PodDefault();
        podDefault.metadata = metadata;
        podDefault.spec = spec;
        return podDefault;
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

    public Spec getSpec() {
        return spec;
    }

    public String name() {
        return metadata == null ? null : metadata.getName();
    }

    public String namespace() {
        return metadata == null ? null : metadata.getNamespace();
    }

    /** An empty spec for a PodDefault without one, so an object of unexpected shape selects nothing odd. */
    public Spec specOrEmpty() {
        return spec == null ? Spec.selecting(null) : spec;
    }

    /**
     * The label JWA's spawner sets on a Notebook to ask for this PodDefault: the first key of {@code matchLabels};
     * empty when it selects by expressions only (JWA answers 500 there, kubeflow/notebooks#31).
     */
    public Optional<String> configurationLabel() {
        V1LabelSelector selector = specOrEmpty().selector();
        if (selector == null
                || selector.getMatchLabels() == null
                || selector.getMatchLabels().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(selector.getMatchLabels().keySet().iterator().next());
    }

    /** JWA's description: {@code spec.desc}, else the name. */
    public String description() {
        String desc = specOrEmpty().desc();
        return desc == null || desc.isEmpty() ? name() : desc;
    }
}
