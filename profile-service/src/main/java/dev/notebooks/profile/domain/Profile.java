package dev.notebooks.profile.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubeflow's {@code kubeflow.org/v1} Profile, cluster-scoped, in exactly Kubeflow's schema, so a {@code profile.yaml}
 * written for Kubeflow works unchanged.
 */
public class Profile implements KubernetesObject {

    public static final String API_VERSION = "kubeflow.org/v1";
    public static final String KIND = "Profile";
    public static final String READY = "Ready";

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private V1ObjectMeta metadata;
    private Spec spec;
    private Status status;

    /**
     * @param owner the owner, an RBAC subject: kind {@code User}, name the user's email
     * @param resourceQuotaSpec the namespace's quota; none (or an empty {@code hard}) means no ResourceQuota
     * @param plugins Kubeflow's plugins, such as {@code WorkloadIdentity}
     */
    public record Spec(Owner owner, V1ResourceQuotaSpec resourceQuotaSpec, List<Plugin> plugins) {

        public Map<String, String> hardQuota() {
            return Quotas.hard(resourceQuotaSpec);
        }

        public List<Plugin> pluginsOrEmpty() {
            return plugins == null ? List.of() : plugins;
        }
    }

    /** Kubernetes' {@code rbacv1.Subject}, as Kubeflow's Profile holds its owner. */
    public record Owner(String kind, String apiGroup, String name) {

        public static final String USER = "User";
        public static final String RBAC_API_GROUP = "rbac.authorization.k8s.io";

        public static Owner user(String name) {
            return new Owner(USER, RBAC_API_GROUP, name);
        }
    }

    /**
     * One of Kubeflow's plugins: {@code kind} names it, {@code spec} is kind-specific (see {@link ProfilePlugin}).
     *
     * @param apiVersion optional, as Kubeflow's {@code metav1.TypeMeta} has it
     */
    public record Plugin(String apiVersion, String kind, Map<String, Object> spec) {

        public static Plugin of(String kind, Map<String, Object> spec) {
            return new Plugin(null, kind, spec);
        }
    }

    public record Status(List<V1Condition> conditions) {}

    public static Profile of(String name, Spec spec) {
        Profile profile = new Profile();
        profile.metadata = new V1ObjectMeta().name(name);
        profile.spec = spec;
        return profile;
    }

    public static Profile owned(String name, String owner) {
        return of(name, new Spec(Owner.user(owner), null, null));
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

    public Profile metadata(V1ObjectMeta metadata) {
        this.metadata = metadata;
        return this;
    }

    public Spec getSpec() {
        return spec;
    }

    public Profile spec(Spec spec) {
        this.spec = spec;
        return this;
    }

    public Status getStatus() {
        return status;
    }

    public Profile status(Status status) {
        this.status = status;
        return this;
    }

    public String name() {
        return metadata == null ? null : metadata.getName();
    }

    /** @return the owner's user name (email), or null when the spec names none */
    public String ownerName() {
        return spec == null || spec.owner() == null ? null : spec.owner().name();
    }

    public List<V1Condition> conditions() {
        return status == null || status.conditions() == null ? List.of() : status.conditions();
    }

    public Optional<V1Condition> readyCondition() {
        return conditions().stream().filter(c -> READY.equals(c.getType())).findFirst();
    }

    /** @return true when the Ready condition is True <em>for the current generation</em>. */
    public boolean isReady() {
        return readyCondition()
                .filter(c -> "True".equals(c.getStatus()))
                .filter(c -> c.getObservedGeneration() == null
                        || metadata == null
                        || c.getObservedGeneration().equals(metadata.getGeneration()))
                .isPresent();
    }
}
