package dev.notebooks.profile.service;

import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contributor's RoleBinding as Kubeflow's KFAM writes it ({@code components/access-management/kfam/bindings.go}):
 * named {@code user-<user>-clusterrole-<role>}, annotated {@code user} and {@code role}, binding the one subject, a
 * User, to ClusterRole {@code kubeflow-edit} or {@code kubeflow-view}.
 *
 * @param name the RoleBinding's name
 * @param user the contributor
 * @param role their role
 */
public record ContributorBinding(String name, String user, ContributorRole role) {

    static final String RBAC_API_GROUP = "rbac.authorization.k8s.io";

    public static ContributorBinding of(String user, ContributorRole role) {
        return new ContributorBinding(KubeflowBindings.contributorBindingName(user, profileRole(role)), user, role);
    }

    /** The contributor a RoleBinding grants a role to, or empty when it is not a KFAM contributor binding. */
    public static Optional<ContributorBinding> of(V1RoleBinding binding) {
        Map<String, String> annotations = binding.getMetadata().getAnnotations();
        if (annotations == null || binding.getRoleRef() == null) {
            return Optional.empty();
        }
        String user = annotations.get(KubeflowBindings.USER_ANNOTATION);
        Optional<ContributorRole> role = role(annotations.get(KubeflowBindings.ROLE_ANNOTATION));
        boolean grantsIt = role.isPresent()
                && KubeflowBindings.CLUSTER_ROLE_KIND.equals(
                        binding.getRoleRef().getKind())
                && KubeflowBindings.clusterRole(profileRole(role.get()))
                        .equals(binding.getRoleRef().getName())
                && subjects(binding).stream()
                        .anyMatch(s -> KubeflowBindings.USER_KIND.equals(s.getKind())
                                && s.getName().equals(user));
        return grantsIt
                ? Optional.of(new ContributorBinding(binding.getMetadata().getName(), user, role.get()))
                : Optional.empty();
    }

    /** The RoleBinding itself, in the profile's namespace. */
    public V1RoleBinding toRoleBinding(String namespace) {
        return new V1RoleBinding()
                .metadata(new V1ObjectMeta()
                        .name(name)
                        .namespace(namespace)
                        .annotations(Map.of(
                                KubeflowBindings.USER_ANNOTATION,
                                user,
                                KubeflowBindings.ROLE_ANNOTATION,
                                role.value())))
                .roleRef(new V1RoleRef()
                        .apiGroup(RBAC_API_GROUP)
                        .kind(KubeflowBindings.CLUSTER_ROLE_KIND)
                        .name(KubeflowBindings.clusterRole(profileRole(role))))
                .subjects(List.of(new RbacV1Subject()
                        .apiGroup(RBAC_API_GROUP)
                        .kind(KubeflowBindings.USER_KIND)
                        .name(user)));
    }

    /** {@code edit} or {@code view} as a role; empty for anything else (KFAM's {@code admin} is the owner's). */
    public static Optional<ContributorRole> role(String value) {
        return Arrays.stream(ContributorRole.values())
                .filter(role -> role.value().equals(value))
                .findFirst();
    }

    static ProfileRole profileRole(ContributorRole role) {
        return role == ContributorRole.EDIT ? ProfileRole.EDIT : ProfileRole.VIEW;
    }

    private static List<RbacV1Subject> subjects(V1RoleBinding binding) {
        return binding.getSubjects() == null ? List.of() : binding.getSubjects();
    }
}
