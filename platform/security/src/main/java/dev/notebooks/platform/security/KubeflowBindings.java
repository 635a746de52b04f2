package dev.notebooks.platform.security;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kubeflow's conventions for who may use a profile namespace, as its profile controller and KFAM write them
 * (kubeflow/dashboard {@code components/profile-controller/controllers/profile_controller.go} and
 * {@code components/access-management/kfam/bindings.go}):
 *
 * <ul>
 *   <li>the namespace is annotated {@code owner: <user>}, and the owner gets the RoleBinding {@code namespaceAdmin}
 *       to ClusterRole {@code kubeflow-admin}, annotated {@code user: <user>, role: admin};
 *   <li>a contributor gets the RoleBinding {@code user-<user>-clusterrole-<edit|view>} (every run of characters
 *       other than letters and digits becomes {@code -}, then lower case), to ClusterRole {@code kubeflow-edit} or
 *       {@code kubeflow-view}, with one subject of kind {@code User} named after the user, annotated
 *       {@code user: <user>, role: edit|view}.
 * </ul>
 *
 * <p>KFAM counts only RoleBindings that carry both annotations and reads the role from the roleRef, since that is
 * what RBAC grants; so does this class, and it also requires the user to be a subject.
 */
public final class KubeflowBindings {

    public static final String OWNER_ANNOTATION = "owner";
    public static final String USER_ANNOTATION = "user";
    public static final String ROLE_ANNOTATION = "role";
    public static final String OWNER_BINDING_NAME = "namespaceAdmin";
    public static final String CLUSTER_ROLE_KIND = "ClusterRole";
    public static final String USER_KIND = "User";

    private static final Map<String, ProfileRole> ROLES_BY_CLUSTER_ROLE = Map.of(
            "kubeflow-admin", ProfileRole.OWNER,
            "kubeflow-edit", ProfileRole.EDIT,
            "kubeflow-view", ProfileRole.VIEW);

    private KubeflowBindings() {}

    /** Kubeflow's role name: {@code admin} for the owner, {@code edit}, {@code view}. */
    public static String roleName(ProfileRole role) {
        return switch (role) {
            case OWNER -> "admin";
            case EDIT -> "edit";
            case VIEW -> "view";
            default -> throw new IllegalArgumentException("Kubeflow binds no " + role + " role");
        };
    }

    /** The ClusterRole a binding for this role refers to, e.g. {@code kubeflow-edit}. */
    public static String clusterRole(ProfileRole role) {
        return "kubeflow-" + roleName(role);
    }

    /** The name KFAM gives a contributor's RoleBinding, e.g. {@code user-alice-example-com-clusterrole-edit}. */
    public static String contributorBindingName(String user, ProfileRole role) {
        String raw = String.join("-", USER_KIND, alphanumericRuns(user), CLUSTER_ROLE_KIND, roleName(role));
        return alphanumericRuns(raw.toLowerCase(Locale.ROOT));
    }

    static Optional<String> owner(V1Namespace namespace) {
        return annotation(namespace.getMetadata().getAnnotations(), OWNER_ANNOTATION);
    }

    /** The user a KFAM-style binding is for, or empty when the binding is not one. */
    static Optional<String> user(V1RoleBinding binding) {
        Map<String, String> annotations = binding.getMetadata().getAnnotations();
        return annotation(annotations, ROLE_ANNOTATION).flatMap(role -> annotation(annotations, USER_ANNOTATION));
    }

    /** The role this binding grants the user: NONE unless it is a KFAM-style binding of them to a Kubeflow role. */
    static ProfileRole roleGranted(V1RoleBinding binding, String user) {
        boolean forUser = user(binding).filter(user::equals).isPresent()
                && subjects(binding).stream().anyMatch(s -> USER_KIND.equals(s.getKind()) && user.equals(s.getName()));
        if (!forUser || !CLUSTER_ROLE_KIND.equals(binding.getRoleRef().getKind())) {
            return ProfileRole.NONE;
        }
        return ROLES_BY_CLUSTER_ROLE.getOrDefault(binding.getRoleRef().getName(), ProfileRole.NONE);
    }

    private static List<RbacV1Subject> subjects(V1RoleBinding binding) {
        return binding.getSubjects() == null ? List.of() : binding.getSubjects();
    }

    private static Optional<String> annotation(Map<String, String> annotations, String key) {
        return Optional.ofNullable(annotations).map(a -> a.get(key)).filter(value -> !value.isBlank());
    }

    private static String alphanumericRuns(String value) {
        return value.replaceAll("[^a-zA-Z0-9]+", "-");
    }
}
