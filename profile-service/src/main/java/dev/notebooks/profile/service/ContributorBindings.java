package dev.notebooks.profile.service;

import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.profile.ContributorSettings;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.AuthorizationPolicy;
import dev.notebooks.profile.domain.AuthorizationPolicy.Condition;
import dev.notebooks.profile.domain.AuthorizationPolicy.From;
import dev.notebooks.profile.domain.AuthorizationPolicy.Rule;
import dev.notebooks.profile.domain.AuthorizationPolicy.Source;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileResources;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contributors as Kubernetes holds them: KFAM's RoleBindings in the profile's namespace and, when Istio policies are
 * on, an AuthorizationPolicy of the same name that lets the contributor's requests in, as KFAM writes it.
 */
@Singleton
public class ContributorBindings {

    private static final ResourceType<AuthorizationPolicy> POLICIES = ProfileResources.AUTHORIZATION_POLICIES;

    private final ResourceClient client;
    private final RbacAuthorizationV1Api rbac;
    private final ProfileSettings settings;
    private final ContributorSettings contributorSettings;

    ContributorBindings(
            ResourceClient client,
            ApiClient apiClient,
            ProfileSettings settings,
            ContributorSettings contributorSettings) {
        this.client = client;
        this.rbac = new RbacAuthorizationV1Api(apiClient);
        this.settings = settings;
        this.contributorSettings = contributorSettings;
    }

    /** Read from the API server, not a cache, so a contributor just added or removed shows at once. */
    public List<ContributorBinding> in(String namespace) throws ApiException {
        return rbac.listNamespacedRoleBinding(namespace).execute().getItems().stream()
                .map(ContributorBinding::of)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * @throws org.zalando.problem.ThrowableProblem 409 unless the profile's namespace exists and is this profile's:
     *     never bind anyone in a namespace of the same name that another owner holds
     */
    public void requireNamespaceOf(Profile profile) throws ApiException {
        Optional<V1Namespace> namespace = client.get(ResourceTypes.NAMESPACE, null, profile.name());
        List<V1OwnerReference> owners = namespace
                .map(V1Namespace::getMetadata)
                .map(V1ObjectMeta::getOwnerReferences)
                .orElse(List.of());
        boolean ours = owners.stream()
                .anyMatch(owner -> owner.getUid().equals(profile.getMetadata().getUid()));
        if (!ours) {
            throw ProfileProblems.notReady("Profile " + profile.name() + " has no namespace of its own yet"
                    + namespace
                            .map(ns -> " (namespace " + profile.name() + " belongs to something else)")
                            .orElse("")
                    + "; see the profile's Ready condition.");
        }
    }

    /** @return the binding as created; 409 when it exists already */
    public V1RoleBinding create(String namespace, ContributorBinding binding) throws ApiException {
        V1RoleBinding created = client.create(ResourceTypes.ROLE_BINDING, binding.toRoleBinding(namespace));
        if (settings.isIstioAuthorizationPolicies()) {
            try {
                client.create(POLICIES, policy(namespace, binding));
            } catch (ApiException e) {
                if (!KubernetesErrors.isConflict(e)) {
                    client.delete(ResourceTypes.ROLE_BINDING, namespace, binding.name());
                    throw e;
                }
            }
        }
        return created;
    }

    public Optional<V1RoleBinding> find(String namespace, ContributorBinding binding) throws ApiException {
        return client.get(ResourceTypes.ROLE_BINDING, namespace, binding.name());
    }

    /** @return the binding as it was before it was deleted, or empty when it was already gone */
    public Optional<V1RoleBinding> delete(String namespace, ContributorBinding binding) throws ApiException {
        Optional<V1RoleBinding> existing = client.get(ResourceTypes.ROLE_BINDING, namespace, binding.name());
        if (existing.isPresent()) {
            client.delete(ResourceTypes.ROLE_BINDING, namespace, binding.name());
        }
        if (settings.isIstioAuthorizationPolicies()) {
            client.delete(POLICIES, namespace, binding.name());
        }
        return existing;
    }

    /**
     * KFAM's policy: requests from the ingress gateway or the Pipelines UI that carry the contributor's header. No
     * action, as KFAM writes it: Istio reads that as ALLOW.
     */
    private AuthorizationPolicy policy(String namespace, ContributorBinding binding) {
        Rule rule = new Rule(
                List.of(new From(new Source(
                        List.of(settings.getIstioIngressGatewayPrincipal(), contributorSettings.getKfpUiPrincipal())))),
                null,
                List.of(new Condition(
                        "request.headers[" + settings.getUseridHeader() + "]",
                        List.of(settings.getUseridPrefix() + binding.user()))));
        V1ObjectMeta metadata = new V1ObjectMeta()
                .name(binding.name())
                .namespace(namespace)
                .annotations(Map.of(
                        KubeflowBindings.USER_ANNOTATION, binding.user(),
                        KubeflowBindings.ROLE_ANNOTATION, binding.role().value()));
        return AuthorizationPolicy.of(metadata, new AuthorizationPolicy.Spec(null, List.of(rule)));
    }
}
