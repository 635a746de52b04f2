package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessFieldsTest {

    private static final String BOB = "bob@example.com";

    private static V1RoleBinding contributorBinding() {
        return new V1RoleBinding()
                .apiVersion("rbac.authorization.k8s.io/v1")
                .kind("RoleBinding")
                .metadata(new V1ObjectMeta()
                        .name(KubeflowBindings.contributorBindingName(BOB, ProfileRole.EDIT))
                        .namespace("team")
                        .uid("u-1")
                        .resourceVersion("42")
                        .putAnnotationsItem(KubeflowBindings.USER_ANNOTATION, BOB)
                        .putAnnotationsItem(KubeflowBindings.ROLE_ANNOTATION, "edit")
                        .putAnnotationsItem("kubectl.kubernetes.io/last-applied-configuration", "{}")
                        .putLabelsItem("app", "kfam")
                        .addOwnerReferencesItem(new V1OwnerReference()
                                .kind("Profile")
                                .name("team")
                                .uid("p-1")))
                .roleRef(new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name("kubeflow-edit"))
                .addSubjectsItem(new RbacV1Subject()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("User")
                        .name(BOB));
    }

    @Test
    void aRoleBindingKeepsWhatGrantsTheRoleAndNothingElse() {
        V1RoleBinding original = contributorBinding();

        V1RoleBinding cached = (V1RoleBinding) AccessFields.INSTANCE.transform(original);

        assertThat(KubeflowBindings.roleGranted(cached, BOB)).isEqualTo(ProfileRole.EDIT);
        assertThat(KubeflowBindings.user(cached)).contains(BOB);
        assertThat(cached.getRoleRef()).isEqualTo(original.getRoleRef());
        assertThat(cached.getSubjects()).isEqualTo(original.getSubjects());
        assertThat(cached.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(cached.getMetadata().getAnnotations())
                .containsOnly(
                        Map.entry(KubeflowBindings.USER_ANNOTATION, BOB),
                        Map.entry(KubeflowBindings.ROLE_ANNOTATION, "edit"));
        assertThat(cached.getMetadata().getLabels()).isNull();
        assertThat(cached.getMetadata().getOwnerReferences()).isNull();
        assertThat(cached.getMetadata().getUid()).isNull();
    }

    @Test
    void theCachedFormOfACachedObjectIsTheSame() {
        V1RoleBinding once = (V1RoleBinding) AccessFields.INSTANCE.transform(contributorBinding());

        assertThat(AccessFields.INSTANCE.transform(once)).isEqualTo(once);
    }

    @Test
    void anyOtherObjectIsLeftAsItIs() {
        V1ConfigMap configMap =
                new V1ConfigMap().metadata(new V1ObjectMeta().name("x").uid("u"));

        assertThat(AccessFields.INSTANCE.transform(configMap)).isSameAs(configMap);
        assertThat(AccessFields.INSTANCE.transform(null)).isNull();
    }
}
