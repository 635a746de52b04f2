package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeflowBindingsTest {

    @Test
    void contributorBindingIsNamedAsKfamNamesIt() {
        assertThat(KubeflowBindings.contributorBindingName("alice@example.com", ProfileRole.EDIT))
                .isEqualTo("user-alice-example-com-clusterrole-edit");
        assertThat(KubeflowBindings.contributorBindingName("Bob.Smith+ml@Example.COM", ProfileRole.VIEW))
                .isEqualTo("user-bob-smith-ml-example-com-clusterrole-view");
    }

    @Test
    void rolesMapToKubeflowClusterRoles() {
        assertThat(KubeflowBindings.clusterRole(ProfileRole.OWNER)).isEqualTo("kubeflow-admin");
        assertThat(KubeflowBindings.clusterRole(ProfileRole.EDIT)).isEqualTo("kubeflow-edit");
        assertThat(KubeflowBindings.clusterRole(ProfileRole.VIEW)).isEqualTo("kubeflow-view");
    }

    @Test
    void bindingGrantsTheRoleOfItsClusterRoleToItsAnnotatedUser() {
        V1RoleBinding binding = binding("bob@example.com", "edit", "kubeflow-edit", "bob@example.com");

        assertThat(KubeflowBindings.roleGranted(binding, "bob@example.com")).isEqualTo(ProfileRole.EDIT);
        assertThat(KubeflowBindings.roleGranted(binding, "carol@example.com")).isEqualTo(ProfileRole.NONE);
    }

    @Test
    void roleRefDecidesWhenTheRoleAnnotationDisagrees() {
        V1RoleBinding binding = binding("bob@example.com", "edit", "kubeflow-view", "bob@example.com");

        assertThat(KubeflowBindings.roleGranted(binding, "bob@example.com")).isEqualTo(ProfileRole.VIEW);
    }

    @Test
    void bindingWithoutKfamAnnotationsGrantsNothing() {
        V1RoleBinding binding = binding("bob@example.com", "edit", "kubeflow-edit", "bob@example.com");
        binding.getMetadata().setAnnotations(Map.of());

        assertThat(KubeflowBindings.roleGranted(binding, "bob@example.com")).isEqualTo(ProfileRole.NONE);
    }

    @Test
    void bindingWhoseSubjectIsSomeoneElseGrantsNothing() {
        V1RoleBinding binding = binding("bob@example.com", "edit", "kubeflow-edit", "mallory@example.com");

        assertThat(KubeflowBindings.roleGranted(binding, "bob@example.com")).isEqualTo(ProfileRole.NONE);
    }

    @Test
    void rolesAreOrderedFromNoneToAdmin() {
        assertThat(ProfileRole.ADMIN.allows(ProfileRole.OWNER)).isTrue();
        assertThat(ProfileRole.OWNER.allows(ProfileRole.EDIT)).isTrue();
        assertThat(ProfileRole.EDIT.allows(ProfileRole.EDIT)).isTrue();
        assertThat(ProfileRole.VIEW.allows(ProfileRole.EDIT)).isFalse();
        assertThat(ProfileRole.NONE.allows(ProfileRole.VIEW)).isFalse();
        assertThat(ProfileRole.VIEW.max(ProfileRole.OWNER)).isEqualTo(ProfileRole.OWNER);
    }

    static V1RoleBinding binding(String annotatedUser, String role, String clusterRole, String subject) {
        return new V1RoleBinding()
                .metadata(new V1ObjectMeta()
                        .name("user-binding")
                        .namespace("team-a")
                        .annotations(Map.of("user", annotatedUser, "role", role)))
                .roleRef(new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name(clusterRole))
                .addSubjectsItem(new RbacV1Subject()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("User")
                        .name(subject));
    }
}
