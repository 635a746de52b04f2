package dev.notebooks.profile.bench;

import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The profiles of a run and the people around them. */
final class Workload {

    /** Owns {@code team-0000} and contributes to {@link #EDITED} + {@link #VIEWED} more: her list is timed. */
    static final String ALICE = "alice@example.com";

    static final int EDITED = 10;
    static final int VIEWED = 10;
    static final int ALICE_PROFILES = 1 + EDITED + VIEWED;

    /** The cluster admin, who sees every profile. */
    static final String ADMIN = "admin@example.com";

    /** The example quota. */
    static final Map<String, String> QUOTA = Map.of(
            "cpu", "6",
            "memory", "16Gi",
            "requests.nvidia.com/gpu", "1",
            "persistentvolumeclaims", "10",
            "requests.storage", "100Gi");

    private static final String RBAC = "rbac.authorization.k8s.io";

    private Workload() {}

    static String profileName(int index) {
        return "team-%04d".formatted(index);
    }

    static String ownerOf(int index) {
        return index == 0 ? ALICE : "owner-%04d@example.com".formatted(index);
    }

    static String warmUpName(int index) {
        return "warm-up-%02d".formatted(index);
    }

    /** The profiles that fill the cluster up for GET /api/profiles. */
    static String moreName(int index) {
        return "more-%05d".formatted(index);
    }

    static Profile profile(String name, String owner) {
        return Profile.of(name, new Profile.Spec(Profile.Owner.user(owner), Quotas.spec(QUOTA), null));
    }

    static RbacV1Subject user(String user) {
        return new RbacV1Subject()
                .apiGroup(RBAC)
                .kind(KubeflowBindings.USER_KIND)
                .name(user);
    }

    /** Alice's contributor bindings, on the teams after her own. */
    static List<V1RoleBinding> aliceContributions() {
        List<V1RoleBinding> bindings = new ArrayList<>();
        for (int team = 1; team <= EDITED + VIEWED; team++) {
            bindings.add(contributor(profileName(team), ALICE, team <= EDITED ? ProfileRole.EDIT : ProfileRole.VIEW));
        }
        return bindings;
    }

    /** A contributor's binding as Kubeflow's KFAM writes it. */
    static V1RoleBinding contributor(String namespace, String user, ProfileRole role) {
        return new V1RoleBinding()
                .metadata(new V1ObjectMeta()
                        .namespace(namespace)
                        .name(KubeflowBindings.contributorBindingName(user, role))
                        .annotations(Map.of(
                                KubeflowBindings.USER_ANNOTATION,
                                user,
                                KubeflowBindings.ROLE_ANNOTATION,
                                KubeflowBindings.roleName(role))))
                .roleRef(new V1RoleRef()
                        .apiGroup(RBAC)
                        .kind(KubeflowBindings.CLUSTER_ROLE_KIND)
                        .name(KubeflowBindings.clusterRole(role)))
                .subjects(List.of(user(user)));
    }
}
