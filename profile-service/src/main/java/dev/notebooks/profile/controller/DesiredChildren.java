package dev.notebooks.profile.controller;

import dev.notebooks.platform.kube.meta.Labels;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.AuthorizationPolicy;
import dev.notebooks.profile.domain.AuthorizationPolicy.Condition;
import dev.notebooks.profile.domain.AuthorizationPolicy.From;
import dev.notebooks.profile.domain.AuthorizationPolicy.Operation;
import dev.notebooks.profile.domain.AuthorizationPolicy.Rule;
import dev.notebooks.profile.domain.AuthorizationPolicy.Source;
import dev.notebooks.profile.domain.AuthorizationPolicy.To;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileAnnotations;
import dev.notebooks.profile.domain.ProfilePlugin;
import dev.notebooks.profile.domain.ProfileResources;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects Kubeflow's profile controller makes for a profile, named, labelled and annotated as it makes them
 * (kubeflow/dashboard {@code components/profile-controller/controllers/profile_controller.go}), each controlled by the
 * profile.
 */
final class DesiredChildren {

    static final String DEFAULT_EDITOR = "default-editor";
    static final String DEFAULT_VIEWER = "default-viewer";
    static final String NAMESPACE_ADMIN = "namespaceAdmin";
    static final String RESOURCE_QUOTA = Quotas.RESOURCE_QUOTA_NAME;
    static final String OWNER_POLICY = "ns-owner-access-istio";
    static final String FINALIZER = "profile-finalizer";

    /** KFAM reads who a binding is for from these annotations. */
    static final String USER_ANNOTATION = "user";

    static final String ROLE_ANNOTATION = "role";

    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private final ProfileSettings settings;
    private final Map<String, String> managedBy;

    DesiredChildren(ProfileSettings settings, String service) {
        this.settings = settings;
        this.managedBy = Map.of(Labels.MANAGED_BY, service);
    }

    /** @return the labels the namespace must carry; those configured empty are in {@link #namespaceLabelsToRemove()} */
    Map<String, String> namespaceLabels() {
        Map<String, String> labels = new LinkedHashMap<>(managedBy);
        settings.managedNamespaceLabels().forEach((key, value) -> {
            if (!value.isEmpty()) {
                labels.put(key, value);
            }
        });
        return labels;
    }

    /** Kubeflow's rule: a namespace label configured with an empty value is removed. */
    List<String> namespaceLabelsToRemove() {
        return settings.managedNamespaceLabels().entrySet().stream()
                .filter(label -> label.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    V1Namespace namespace(Profile profile) {
        V1ObjectMeta metadata = owned(profile, null, profile.name())
                .labels(namespaceLabels())
                .annotations(Map.of(ProfileAnnotations.NAMESPACE_OWNER, profile.ownerName()));
        return new V1Namespace().apiVersion("v1").kind("Namespace").metadata(metadata);
    }

    /** {@code default-editor} (with the plugins' annotations) and {@code default-viewer}. */
    List<V1ServiceAccount> serviceAccounts(Profile profile, List<ProfilePlugin> plugins) {
        Map<String, String> pluginAnnotations = new LinkedHashMap<>();
        plugins.forEach(plugin -> pluginAnnotations.putAll(plugin.serviceAccountAnnotations()));
        V1ServiceAccount editor = serviceAccount(profile, DEFAULT_EDITOR);
        if (!pluginAnnotations.isEmpty()) {
            editor.getMetadata().annotations(pluginAnnotations);
        }
        return List.of(editor, serviceAccount(profile, DEFAULT_VIEWER));
    }

    /** The owner's {@code namespaceAdmin}, and the service accounts' bindings to {@code kubeflow-edit} / {@code -view}. */
    List<V1RoleBinding> roleBindings(Profile profile) {
        Profile.Owner owner = profile.getSpec().owner();
        V1RoleBinding admin = roleBinding(
                profile,
                NAMESPACE_ADMIN,
                "kubeflow-admin",
                new RbacV1Subject()
                        .kind(owner.kind())
                        .apiGroup(owner.apiGroup() != null ? owner.apiGroup() : RBAC_GROUP)
                        .name(owner.name()));
        admin.getMetadata().annotations(Map.of(USER_ANNOTATION, owner.name(), ROLE_ANNOTATION, "admin"));
        return List.of(
                admin,
                roleBinding(profile, DEFAULT_EDITOR, "kubeflow-edit", serviceAccountSubject(profile, DEFAULT_EDITOR)),
                roleBinding(profile, DEFAULT_VIEWER, "kubeflow-view", serviceAccountSubject(profile, DEFAULT_VIEWER)));
    }

    /** @return {@code kf-resource-quota} with the profile's quota spec, or empty when {@code hard} is empty */
    Optional<V1ResourceQuota> resourceQuota(Profile profile) {
        if (profile.getSpec().hardQuota().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new V1ResourceQuota()
                .apiVersion("v1")
                .kind("ResourceQuota")
                .metadata(owned(profile, profile.name(), RESOURCE_QUOTA))
                .spec(profile.getSpec().resourceQuotaSpec()));
    }

    /**
     * The owner's Istio policy, as Kubeflow's {@code getAuthorizationPolicy}: the owner through the ingress gateway (or
     * the Pipelines UI), every workload of the namespace, Knative's probe paths, and the notebook controller's kernel
     * checks.
     */
    AuthorizationPolicy ownerPolicy(Profile profile) {
        V1ObjectMeta metadata = owned(profile, profile.name(), OWNER_POLICY)
                .annotations(Map.of(USER_ANNOTATION, profile.ownerName(), ROLE_ANNOTATION, "admin"));
        Rule owner = new Rule(
                List.of(new From(
                        new Source(List.of(settings.getIstioIngressGatewayPrincipal(), settings.getKfpUiPrincipal())))),
                null,
                List.of(new Condition(
                        "request.headers[" + settings.getUseridHeader() + "]",
                        List.of(settings.getUseridPrefix() + profile.ownerName()))));
        Rule sameNamespace = new Rule(null, null, List.of(new Condition("source.namespace", List.of(profile.name()))));
        Rule knativeProbes = new Rule(
                null, List.of(new To(new Operation(null, List.of("/healthz", "/metrics", "/wait-for-drain")))), null);
        Rule notebookController = new Rule(
                List.of(new From(new Source(List.of(settings.getNotebookControllerPrincipal())))),
                List.of(new To(new Operation(List.of("GET"), List.of("*/api/kernels")))),
                null);
        return AuthorizationPolicy.of(
                metadata,
                new AuthorizationPolicy.Spec(
                        AuthorizationPolicy.ALLOW, List.of(owner, sameNamespace, knativeProbes, notebookController)));
    }

    private V1ServiceAccount serviceAccount(Profile profile, String name) {
        return new V1ServiceAccount()
                .apiVersion("v1")
                .kind("ServiceAccount")
                .metadata(owned(profile, profile.name(), name));
    }

    private V1RoleBinding roleBinding(Profile profile, String name, String clusterRole, RbacV1Subject subject) {
        return new V1RoleBinding()
                .apiVersion(RBAC_GROUP + "/v1")
                .kind("RoleBinding")
                .metadata(owned(profile, profile.name(), name))
                .roleRef(
                        new V1RoleRef().apiGroup(RBAC_GROUP).kind("ClusterRole").name(clusterRole))
                .subjects(List.of(subject));
    }

    private static RbacV1Subject serviceAccountSubject(Profile profile, String name) {
        return new RbacV1Subject().kind("ServiceAccount").name(name).namespace(profile.name());
    }

    private V1ObjectMeta owned(Profile profile, String namespace, String name) {
        return new V1ObjectMeta()
                .namespace(namespace)
                .name(name)
                .labels(managedBy)
                .ownerReferences(List.of(OwnerReferences.controller(ProfileResources.PROFILES, profile)));
    }
}
