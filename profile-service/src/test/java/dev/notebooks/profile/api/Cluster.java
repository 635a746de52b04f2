package dev.notebooks.profile.api;

import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileResources;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The Kubernetes API as the tests see it: what the service wrote, and what someone else (kubectl, KFAM) writes. */
final class Cluster {

    static final Duration RECONCILED = Duration.ofSeconds(15);

    private final ResourceClient client =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("kubectl"));
    private final RbacAuthorizationV1Api rbac =
            new RbacAuthorizationV1Api(KubernetesFixture.shared().apiClient());

    Profile createProfile(String name, String owner) {
        try {
            return client.create(ProfileResources.PROFILES, Profile.owned(name, owner));
        } catch (ApiException e) {
            throw new IllegalStateException("creating profile " + name + ": " + e.getResponseBody(), e);
        }
    }

    /** A namespace made by someone else, annotated with its owner as Kubeflow's controller would. */
    void createNamespace(String name, String owner) {
        try {
            client.create(
                    ResourceTypes.NAMESPACE,
                    new V1Namespace().metadata(new V1ObjectMeta().name(name).annotations(Map.of("owner", owner))));
        } catch (ApiException e) {
            throw new IllegalStateException("creating namespace " + name + ": " + e.getResponseBody(), e);
        }
    }

    /** A pod in the namespace, as a workload someone started there, requesting cpu and memory. */
    void createPod(String namespace, String name, String cpu, String memory) {
        V1Pod pod = new V1Pod()
                .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .spec(new V1PodSpec()
                        .containers(List.of(new V1Container()
                                .name("main")
                                .image("busybox")
                                .resources(new V1ResourceRequirements()
                                        .requests(Map.of(
                                                "cpu", Quantity.fromString(cpu),
                                                "memory", Quantity.fromString(memory)))))));
        try {
            client.create(ResourceTypes.POD, pod);
        } catch (ApiException e) {
            throw new IllegalStateException("creating pod " + name + ": " + e.getResponseBody(), e);
        }
    }

    Optional<Profile> profile(String name) {
        return get(ProfileResources.PROFILES, null, name);
    }

    Profile requireProfile(String name) {
        return profile(name).orElseThrow(() -> new AssertionError("profile " + name + " is missing"));
    }

    /** Waits until the reconciler has made the profile's namespace, controlled by the profile. */
    V1Namespace awaitNamespaceOf(String profile) {
        String uid = requireProfile(profile).getMetadata().getUid();
        return await().atMost(RECONCILED)
                .until(
                        () -> get(ResourceTypes.NAMESPACE, null, profile)
                                .filter(namespace -> namespace.getMetadata().getOwnerReferences() != null
                                        && namespace.getMetadata().getOwnerReferences().stream()
                                                .anyMatch(owner -> uid.equals(owner.getUid())))
                                .orElse(null),
                        Objects::nonNull);
    }

    /** A contributor's binding exactly as Kubeflow's KFAM writes it. */
    void bindAsKfam(String namespace, String user, ProfileRole role) {
        V1RoleBinding binding = new V1RoleBinding()
                .metadata(new V1ObjectMeta()
                        .name(KubeflowBindings.contributorBindingName(user, role))
                        .namespace(namespace)
                        .annotations(Map.of("user", user, "role", KubeflowBindings.roleName(role))))
                .roleRef(new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name(KubeflowBindings.clusterRole(role)))
                .subjects(List.of(new RbacV1Subject()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("User")
                        .name(user)));
        try {
            client.create(ResourceTypes.ROLE_BINDING, binding);
        } catch (ApiException e) {
            throw new IllegalStateException("binding " + user + ": " + e.getResponseBody(), e);
        }
    }

    List<V1RoleBinding> roleBindingsIn(String namespace) {
        try {
            return rbac.listNamespacedRoleBinding(namespace).execute().getItems();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<V1RoleBinding> roleBinding(String namespace, String name) {
        return get(ResourceTypes.ROLE_BINDING, namespace, name);
    }

    <T extends KubernetesObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        try {
            return client.get(type, namespace, name);
        } catch (ApiException e) {
            throw new IllegalStateException("GET " + type.key(namespace, name) + ": HTTP " + e.getCode(), e);
        }
    }
}
