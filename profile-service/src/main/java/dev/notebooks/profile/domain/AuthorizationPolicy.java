package dev.notebooks.profile.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;

/**
 * Istio's {@code security.istio.io/v1beta1} AuthorizationPolicy, with just the fields Kubeflow's profile controller and
 * KFAM write: an ALLOW action and rules of sources, operations and conditions.
 */
public class AuthorizationPolicy implements KubernetesObject {

    public static final String ALLOW = "ALLOW";

    private String apiVersion = "security.istio.io/v1beta1";
    private String kind = "AuthorizationPolicy";
    private V1ObjectMeta metadata;
    private Spec spec;

    public record Spec(String action, List<Rule> rules) {}

    /** Every part given must match; a part left null matches anything. */
    public record Rule(List<From> from, List<To> to, List<Condition> when) {}

    public record From(Source source) {}

    public record Source(List<String> principals) {}

    public record To(Operation operation) {}

    public record Operation(List<String> methods, List<String> paths) {}

    public record Condition(String key, List<String> values) {}

    public static AuthorizationPolicy of(V1ObjectMeta metadata, Spec spec) {
        AuthorizationPolicy policy = new AuthorizationPolicy();
        policy.metadata = metadata;
        policy.spec = spec;
        return policy;
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
}
