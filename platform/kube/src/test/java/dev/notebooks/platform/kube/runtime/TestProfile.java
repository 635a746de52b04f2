package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;

/** Just enough of Kubeflow's Profile (kubeflow.org/v1, cluster-scoped) for the runtime's tests. */
public class TestProfile implements KubernetesObject {

    private String apiVersion = "kubeflow.org/v1";
    private String kind = "Profile";
    private V1ObjectMeta metadata;
    private Spec spec;
    private Status status;

    public record Spec(Owner owner) {}

    public record Owner(String kind, String name) {}

    public record Status(List<V1Condition> conditions) {}

    public static TestProfile owned(String name, String owner) {
        TestProfile profile = new TestProfile();
        profile.metadata = new V1ObjectMeta().name(name);
        profile.spec = new Spec(new Owner("User", owner));
        return profile;
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

    public Status getStatus() {
        return status;
    }

    public List<V1Condition> conditions() {
        return status == null || status.conditions() == null ? List.of() : status.conditions();
    }
}
